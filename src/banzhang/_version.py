"""The package version and the version of the specification it implements."""

__version__ = "0.1.0"

#: The version of banzhang's reading of the standard (``spec_version`` in every document).
SPEC_VERSION = "1.2"
