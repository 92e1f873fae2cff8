from tests.models.customers.conftest import cdb  # noqa: F401 - the same parts, suppliers and owner
