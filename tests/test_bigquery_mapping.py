"""Every table loads into BigQuery with `bq load --source_format=AVRO --use_avro_logical_types`.

The check goes through Beam's own Avro <-> BigQuery mapping (apache_beam.io.gcp.
bigquery_avro_tools): each Avro field is given the BigQuery type and mode it loads as, and
Beam's translation of that BigQuery field back to Avro must give exactly the field's Avro type.
A field Beam cannot express (an enum, a map, a union of two types, a logical type BigQuery would
ignore) fails here before it fails a load job.
"""

from __future__ import annotations

import re

import pytest
from apache_beam.io.gcp.bigquery_avro_tools import (
    BIG_QUERY_TO_AVRO_TYPES,
    get_record_schema_from_dict_table_schema,
)

from schemas import TABLES, load_schema

# How `bq load --use_avro_logical_types` types a column: Avro type (or logical type) -> BigQuery.
# https://cloud.google.com/bigquery/docs/loading-data-cloud-storage-avro#logical_types
AVRO_TO_BIGQUERY = {
    "string": "STRING", "long": "INTEGER", "int": "INTEGER", "double": "FLOAT",
    "float": "FLOAT", "boolean": "BOOLEAN", "bytes": "BYTES",
    "timestamp-micros": "TIMESTAMP", "date": "DATE", "time-micros": "TIME",
}

# BigQuery column names: letters, digits, underscores, not starting with a digit, and none of
# the reserved prefixes.
COLUMN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,299}$")
RESERVED_PREFIXES = ("_TABLE_", "_FILE_", "_PARTITION", "_ROW_TIMESTAMP", "__ROOT__",
                     "_COLIDENTIFIER")


def bigquery_field(avro_field: dict) -> dict:
    """The BigQuery column an Avro field loads as (name, type, mode)."""
    avro_type = avro_field["type"]
    mode = "REQUIRED"
    if isinstance(avro_type, list):
        # Only ["null", T] is nullable T; other unions have no BigQuery column type.
        assert len(avro_type) == 2 and avro_type[0] == "null", (
            f"{avro_field['name']}: union {avro_type} does not map to a BigQuery column "
            "(use [\"null\", T] with default null)")
        assert avro_field.get("default", "missing") is None, (
            f"{avro_field['name']}: a nullable field needs \"default\": null")
        avro_type, mode = avro_type[1], "NULLABLE"
    if isinstance(avro_type, dict) and avro_type["type"] == "array" and mode == "REQUIRED":
        # An array of a plain type loads as a REPEATED column (speakers.variants).
        avro_type, mode = avro_type["items"], "REPEATED"
    if isinstance(avro_type, dict):
        key = avro_type.get("logicalType", avro_type["type"])
    else:
        key = avro_type
    assert key in AVRO_TO_BIGQUERY, f"{avro_field['name']}: Avro type {key!r} has no BigQuery type"
    return {"name": avro_field["name"], "type": AVRO_TO_BIGQUERY[key], "mode": mode}


@pytest.mark.parametrize("table", list(TABLES))
def test_schema_round_trips_through_beams_bigquery_mapping(table):
    schema = load_schema(table)
    bq_schema = {"fields": [bigquery_field(f) for f in schema["fields"]]}
    back = get_record_schema_from_dict_table_schema(schema["name"], bq_schema)
    assert [f["name"] for f in back["fields"]] == [f["name"] for f in schema["fields"]]
    for original, translated in zip(schema["fields"], back["fields"], strict=True):
        assert translated["type"] == original["type"], (
            f"{table}.{original['name']}: Avro {original['type']!r} loads as "
            f"{bigquery_field(original)} which Beam writes as {translated['type']!r}")


@pytest.mark.parametrize("table", list(TABLES))
def test_column_names_are_valid_in_bigquery(table):
    for f in load_schema(table)["fields"]:
        assert COLUMN_NAME.match(f["name"]), f"{table}.{f['name']}"
        assert not f["name"].upper().startswith(RESERVED_PREFIXES), f"{table}.{f['name']}"


def test_timestamps_load_as_timestamp_not_integer():
    # Without a logical type (or without --use_avro_logical_types) these would be INTEGER.
    ingested = next(f for f in load_schema("articles")["fields"] if f["name"] == "ingested_at")
    assert bigquery_field(ingested)["type"] == "TIMESTAMP"
    assert BIG_QUERY_TO_AVRO_TYPES["TIMESTAMP"] == ingested["type"]


def test_the_check_catches_a_type_bigquery_cannot_take():
    with pytest.raises(AssertionError, match="no BigQuery type"):
        bigquery_field({"name": "tags", "type": {"type": "map", "values": "string"}})
    with pytest.raises(AssertionError, match="union"):
        bigquery_field({"name": "x", "type": ["null", "string", "long"], "default": None})
