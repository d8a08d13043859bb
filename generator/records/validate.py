"""Stage 2, validate: turn loaded documents into typed records, reporting every mistake."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from babel import Locale
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.config import SiteConfig
from generator.diagnostics import Position, Report, suggest
from generator.records.fields import ID_RE
from generator.records.kinds import BY_NAME, KINDS, RecordKind, kind_of
from generator.records.load import Document, FieldPath, load_document
from generator.records.messages import describe_error
from generator.records.models import Organization, Record
from generator.records.placeholders import examples_left
from generator.records.scripts import unlikely_country

CONFIG_NAME = "site_config.yml"
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Entry:
    """A typed record together with the document it came from."""

    record: Record
    doc: Document
    year: int | None = None
    """The year folder a dated record is filed in, which its page path carries."""

    @property
    def page_path(self) -> str:
        """The record's page path, the same in every language."""
        return kind_of(self.record).page_path(self.key, self.year)

    @property
    def kind(self) -> str:
        """The record's kind, e.g. `event`."""
        return self.record.kind

    @property
    def key(self) -> str:
        """The record's id."""
        return self.record.key


def load_config(root: Path, report: Report) -> SiteConfig | None:
    """Load and validate `site_config.yml`, or report why it is unusable."""
    return load_config_document(root, report)[0]


def load_config_document(root: Path, report: Report) -> tuple[SiteConfig | None, Document | None]:
    """The validated configuration and its document (for positions), or None after reporting."""
    path = root / CONFIG_NAME
    if not path.exists():
        report.add(
            path,
            Position(),
            "E215",
            "configuration file is missing",
            hint="create site_config.yml; README.md shows one",
        )
        return None, None
    doc = load_document(path, "config", report)
    if doc is None:
        return None, None
    return validate_model(doc, SiteConfig, {}, report), doc


def validate_documents(docs: list[Document], config: SiteConfig, report: Report) -> list[Entry]:
    """Validate every document against the model of its kind."""
    context = {"languages": list(config.languages)}
    entries = []
    for doc in docs:
        record = validate_document(doc, context, report)
        if record is not None:
            entries.append(Entry(record, doc, filed_year(doc, kind_of(record))))
    return entries


def validate_document(doc: Document, context: dict[str, Any], report: Report) -> Record | None:
    """One document as a typed record with its id settled, or None after reporting."""
    kind = BY_NAME.get(doc.kind)
    if kind is None:
        folders = ", ".join(f"{kind.folder}/" for kind in KINDS)
        report.add(
            doc.path,
            Position(),
            "E213",
            "file is not in a record folder",
            hint=f"move it into one of {folders}",
        )
        return None
    record = validate_model(doc, kind.model, context, report)
    if record is None or not check_identity(doc, record, report):
        return None
    report_examples(doc, record, report)
    check_native_script(doc, record, report)
    return record.model_copy(update={"id": doc.stem})


def check_native_script(doc: Document, record: Record, report: Report) -> None:
    """Warn when an organisation's country is not one that writes its native name's script."""
    if not isinstance(record, Organization) or not record.native_name:
        return
    if unlikely := unlikely_country(record.native_name, record.country):
        script, code = unlikely
        name = Locale("en").territories.get(record.country, record.country)
        report.add(
            doc.path,
            doc.position_of(("country",)),
            "W201",
            f"'{record.country}' is {name}, but the native name is written in {script}",
            field="country",
            hint=f"did you mean '{code}'?",
        )


def report_examples(doc: Document, record: Record, report: Report) -> None:
    """Skeleton example text left in a published record is an error (the record stays usable)."""
    for path, text in examples_left(doc, record):
        report.add(
            doc.path,
            doc.position_of(path),
            "E216",
            f"'{text.strip()}' is still the example text from `warta new`",
            field=dotted(path),
            hint="write the real text, or keep `draft: true` until the record is ready",
        )


def validate_model(
    doc: Document, model: type[M], context: dict[str, Any], report: Report
) -> M | None:
    """Validate a document's data with a model, turning every error into a diagnostic."""
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as err:
        for error in err.errors(include_url=False):
            report_error(doc, model, error, report)
        return None


def report_error(
    doc: Document, model: type[BaseModel], error: ErrorDetails, report: Report
) -> None:
    """Report one pydantic error at the file and line of the offending field."""
    loc = tuple(error["loc"])
    on_key = "[key]" in loc
    path: FieldPath = tuple(part for part in loc if part != "[key]")
    if on_key:
        path = (*path[:-1], str(error["input"]))
    if error["type"] in ("unknown_language", "invalid_language"):
        path, on_key = (*path, str((error.get("ctx") or {})["value"])), True
    code, message, hint = describe_error(error)
    if error["type"] == "extra_forbidden":
        hint = suggest(str(path[-1]), field_names(model, path[:-1])) or allowed_hint(model, path)
    position = doc.position_of(path, key=on_key or error["type"] == "extra_forbidden")
    report.add(doc.path, position, code, message, field=dotted(path), hint=hint)


def field_names(model: type[BaseModel], path: FieldPath) -> list[str]:
    """The keys a mapping at `path` accepts, found by walking the model's fields."""
    current: Any = model
    for part in path:
        if isinstance(part, int) or not _is_model(current):
            current = _inner_model(current) if isinstance(part, int) else None
            continue
        info = current.model_fields.get(_field_name(current, part))
        current = _inner_model(info.annotation) if info else None
    if not _is_model(current):
        return []
    return [info.alias or name for name, info in current.model_fields.items()]


def allowed_hint(model: type[BaseModel], path: FieldPath) -> str:
    """List the allowed keys when no close match exists."""
    names = field_names(model, path[:-1])
    return f"allowed keys: {', '.join(names)}" if names else "remove this key"


def _field_name(model: type[BaseModel], key: str) -> str:
    for name, info in model.model_fields.items():
        if info.alias == key:
            return name
    return key


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _inner_model(annotation: Any) -> Any:
    """The model inside `X | None`, `list[X]` or `dict[K, X]`, if any."""
    if _is_model(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def check_identity(doc: Document, record: Record, report: Report) -> bool:
    """The id comes from the file name; an explicit `id:` and the year folder must agree."""
    ok = True
    if record.id is not None and record.id != doc.stem:
        report.add(
            doc.path,
            doc.position_of(("id",)),
            "E206",
            f"id '{record.id}' does not match the file name '{doc.stem}'",
            field="id",
            hint=f"rename the file to {record.id}.yml or remove `id:`",
        )
        ok = False
    if not _valid_stem(doc.stem):
        report.add(
            doc.path,
            Position(),
            "E205",
            f"file name '{doc.stem}' is not a valid id",
            hint="use lowercase letters, digits and single hyphens",
        )
        ok = False
    return check_year_folder(doc, record, report) and ok


def _valid_stem(stem: str) -> bool:
    return bool(ID_RE.match(stem))


def filed_year(doc: Document, kind: RecordKind) -> int | None:
    """The year folder of a dated record (checked by `check_year_folder`), else None."""
    return int(doc.path.parent.name) if kind.dated else None


def check_year_folder(doc: Document, record: Record, report: Report) -> bool:
    """Dated records live in a folder named after a year they carry."""
    kind = kind_of(record)
    if kind.filing_years is None:
        return True
    folder, years = doc.path.parent, kind.filing_years(record)
    if folder.name.isdigit() and int(folder.name) in years and folder.parent.name == kind.folder:
        return True
    report.add(
        doc.path,
        doc.position_of(kind.date_field),
        "E214",
        f"{kind.name} dated {filing_date(doc, kind)} is in folder '{folder.name}'",
        field=dotted(kind.date_field),
        hint=f"move the file to {kind.folder}/{min(years)}/",
    )
    return False


def filing_date(doc: Document, kind: RecordKind) -> str:
    """The date written where a dated kind's filing date lives (validated already)."""
    value: Any = doc.data
    for part in kind.date_field:
        value = value[part]
    return str(value)


def dotted(path: FieldPath) -> str:
    """`organizations[1].role` style field paths."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
