# One Reveal row per thing revealed and audience replaces the four booleans of Traject.

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

# The booleans as they were, and to whom each was revealed (frozen here: the live rule is
# game.core.services.REVEALED_TO).
FLAGS = {
    "dots_revealed": ("dots", ("screen", "participant")),
    "roles_revealed": ("roles", ("screen", "participant")),
    "votes_revealed": ("votes", ("screen", "participant")),
    "document_released": ("document", ("participant",)),
}


def booleans_to_rows(apps, schema_editor):
    Traject = apps.get_model("game", "Traject")
    Reveal = apps.get_model("game", "Reveal")
    rows = []
    for flag, (what, audiences) in FLAGS.items():
        for traject_id in Traject.objects.filter(**{flag: True}).values_list("pk", flat=True):
            rows += [Reveal(traject_id=traject_id, what=what, audience=a) for a in audiences]
    Reveal.objects.bulk_create(rows)


def rows_to_booleans(apps, schema_editor):
    Traject = apps.get_model("game", "Traject")
    Reveal = apps.get_model("game", "Reveal")
    for flag, (what, _) in FLAGS.items():
        revealed = Reveal.objects.filter(what=what).values("traject_id")
        Traject.objects.filter(pk__in=revealed).update(**{flag: True})


class Migration(migrations.Migration):

    dependencies = [
        ('game', '0006_document_release'),
    ]

    operations = [
        migrations.CreateModel(
            name='Reveal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('what', models.CharField(choices=[('dots', 'dot results'), ('roles', 'role cards'), ('votes', 'requirement votes'), ('document', 'outcome document')], max_length=10, verbose_name='what')),
                ('audience', models.CharField(choices=[('facilitator', 'facilitator'), ('screen', 'projector'), ('participant', 'participants')], max_length=11, verbose_name='to whom')),
                ('revealed_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='revealed at')),
                ('traject', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reveals', to='game.traject')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('traject', 'what', 'audience'), name='reveal_once')],
            },
        ),
        migrations.RunPython(booleans_to_rows, rows_to_booleans),
        migrations.RemoveField(
            model_name='traject',
            name='dots_revealed',
        ),
        migrations.RemoveField(
            model_name='traject',
            name='document_released',
        ),
        migrations.RemoveField(
            model_name='traject',
            name='roles_revealed',
        ),
        migrations.RemoveField(
            model_name='traject',
            name='votes_revealed',
        ),
    ]
