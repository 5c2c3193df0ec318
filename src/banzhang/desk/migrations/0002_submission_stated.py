"""The 版本 and 生效日期 a department states when handing a file in."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("desk", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="stated",
            field=models.JSONField(blank=True, default=dict, verbose_name="报送时填写的清单信息"),
        ),
    ]
