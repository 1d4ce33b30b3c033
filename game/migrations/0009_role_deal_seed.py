# Stap 2: the seed of the role deal on each RoleAssignment, so a deal can be reproduced.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('game', '0008_checkin'),
    ]

    operations = [
        migrations.AddField(
            model_name='roleassignment',
            name='deal_seed',
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
    ]
