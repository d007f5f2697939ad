import json
from pathlib import Path

import jsonschema
import pytest
from timeline_fixtures import timeline

from chronology.cli import main
from chronology.models import DateConflict, DateReading
from chronology.render import timeline_json
from chronology.schema import schema_json, timeline_schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "schema" / "timeline.schema.json"


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_committed_schema_is_the_generated_one():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_json(), (
        "regenerate with: PYTHONPATH=. python -m chronology.cli schema > schema/timeline.schema.json"
    )


def test_schema_command_prints_the_schema(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == timeline_schema()


@pytest.mark.parametrize("options", [[], ["--explicit-only"], ["--exclude-inferred-context", "--since", "2023"]])
def test_seed_output_validates_against_the_schema(tmp_path, options):
    assert main(["build", str(ROOT / "seeds"), "--out", str(tmp_path), "-q", *options]) == 0
    document = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    assert document["events"] and document["schema_version"] == "2.0"
    _validator().validate(document)


def test_events_with_conflicting_dates_validate():
    base = timeline()
    first, second = base.events[3], base.events[4]
    conflict = DateConflict(
        readings=(DateReading(date=first.date, article_ids=("a.txt#0",), basis="manifest"),
                  DateReading(date=second.date, article_ids=("b.txt#0",), basis="inferred")),
        reason="sources disagree on the date; 2023-12-26 is used because ...",
    )
    event = first.model_copy(update={"conflict": conflict})
    document = json.loads(timeline_json(base.model_copy(update={"events": (event,)})))
    _validator().validate(document)
    assert document["events"][0]["conflict"]["readings"][1]["basis"] == "inferred"


def test_hand_made_timeline_validates_and_broken_ones_do_not():
    document = json.loads(timeline_json(timeline()))
    validator = _validator()
    validator.validate(document)
    del document["events"][0]["date"]["edtf"]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(document)
    document = json.loads(timeline_json(timeline()))
    document["events"][0]["status"] = "rumoured"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(document)
