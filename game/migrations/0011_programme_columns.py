# Adopted programmes written before small-group anonymity kept one column per layer, with a
# binary support share. This rewrites each such record once into the shape the document reads
# now: columns of enough voters (game.core.anonymity) with the vertical-support statistic
# (game.core.support) over them, from the counts the record itself holds. Nothing else in a
# record changes. MoSCoW records are exact (the voters of a layer are its most votes on one
# requirement); the old dots records kept no voters, so there a layer that gave dots counts as
# one agreeing voter.

from django.db import migrations

from game.core.anonymity import columns
from game.core.support import Sides, vertical_support

MOSCOW = ("must", "should", "could", "wont")


def to_columns(apps, schema_editor):
    ProgrammeVersion = apps.get_model("game", "ProgrammeVersion")
    for version in ProgrammeVersion.objects.select_related("traject"):
        content = version.content
        if "columns" in content:
            continue
        layers = content.get("layers", [])
        moscow = content.get("vote_method") == "moscow"
        voters = dict.fromkeys(layers, 0)
        for item in content["requirements"]:
            for cell in item["grid"]:
                seen = cell.get("votes", 0) if moscow else int(cell.get("dots", 0) > 0)
                voters[cell["layer"]] = max(voters.get(cell["layer"], 0), seen)
        shown = columns(voters, layers=layers, min_group_size=version.traject.min_group_size)
        for item in content["requirements"]:
            by_layer = {cell["layer"]: cell for cell in item.pop("grid")}
            item.pop("disagreement", None)
            cells, sides = [], {}
            for column in shown:
                member = [by_layer.get(layer, {}) for layer in column.layers]
                if moscow:
                    counts = {c: sum(m.get("counts", {}).get(c, 0) for m in member) for c in MOSCOW}
                    cell = {"column": column.key, "votes": sum(counts.values()), "counts": counts}
                    sides[column.key] = Sides.of_moscow(counts)
                else:
                    cell = {"column": column.key, "dots": sum(m.get("dots", 0) for m in member)}
                    backers = sum(1 for m in member if m.get("dots", 0) > 0)
                    sides[column.key] = Sides(agree=backers)
                cells.append(cell)
            support = vertical_support(sides)
            item["grid"] = [
                {
                    **cell,
                    "support": support.groups[cell["column"]].p,
                    "enough": support.groups[cell["column"]].enough,
                    "apart": support.groups[cell["column"]].apart,
                    "veto": support.groups[cell["column"]].veto,
                }
                for cell in cells
            ]
            item["draagvlak"] = support.draagvlak
            item["flagged"] = support.flagged
        content.pop("layers", None)
        content["columns"] = [column.as_dict() for column in shown]
        version.content = content
        version.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("game", "0010_min_group_size")]

    operations = [migrations.RunPython(to_columns, migrations.RunPython.noop)]
