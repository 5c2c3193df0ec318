"""The review desk (``banzhang desk``): a local web service where departments hand in their
lists and guides, reviewers send them back or accept them, and every version is kept.

An optional extra (``pip install 'banzhang[desk]'``): Django for accounts, CSRF, migrations and
the SQLite and PostgreSQL stores; huey for background checks with its queue in a SQLite file.
The library below never imports Django; only this package does. Its settings are built in code
from a data folder and a database URL (:mod:`banzhang.desk.config`).
"""
