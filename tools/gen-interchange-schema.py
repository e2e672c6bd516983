#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Fairnote contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates resources/schema/interchange.schema.json from the enum tables in core/record/enums.h,
# so the schema's enum values cannot drift from the reader (tests/core/test_interchange.cpp checks).
import json, re, pathlib
root = pathlib.Path(__file__).resolve().parent.parent
src = (root / 'core/record/enums.h').read_text()
enums = {m.group(1): re.findall(r'u"([^"]+)"', m.group(2))
         for m in re.finditer(r'^FAIRNOTE_ENUM_IDS\((\w+),(.*?)\)\n', src, re.S | re.M)}
def e(name, nullable=True):
    return {"enum": enums[name] + ([None] if nullable else [])}
def S():
    return {"type": ["string", "null"]}
date = {"type": ["string", "null"], "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "description": "YYYY-MM-DD"}
yn = e("YesNoUnknown")
schema = {
 "$schema": "https://json-schema.org/draft/2020-12/schema",
 "$id": "https://fairnote.invalid/schema/interchange.schema.json",
 "title": "Fairnote case file (interchange format, version 1)",
 "description": "One person's case file: general notes and fire-setting incident records. null or a missing member means 'not answered'; \"unknown\" is an answer. Readers ignore members they do not know. See docs/interchange.md.",
 "type": "object",
 "required": ["version", "person"],
 "properties": {
  "format": {"const": "fairnote-case-file"},
  "version": {"type": "integer", "minimum": 1, "maximum": 1},
  "person": {"type": "object", "required": ["name"], "properties": {
     "id": S(), "name": {"type": "string", "minLength": 1},
     "other_names": {"type": ["array", "null"], "items": {"type": "string"}},
     "date_of_birth": date}},
  "entries": {"type": ["array", "null"], "items": {"$ref": "#/$defs/entry"}}
 },
 "$defs": {
  "entry": {"type": "object", "required": ["id", "kind", "written_at", "author"],
   "properties": {
    "id": {"type": "string", "minLength": 1, "description": "unique within the file"},
    "kind": {"enum": ["incident", "note"]},
    "written_at": {"type": "string", "format": "date-time", "description": "when the entry was written, UTC, set by the system: 2025-08-02T18:10:00Z"},
    "author": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "role": S(), "organisation": S()}},
    "event_date": {"$ref": "#/$defs/eventDate"},
    "late_entry_reason": S(),
    "people_present": {"type": ["array", "null"], "items": {"type": "string"}},
    "note": {"type": "object", "properties": {"text": S()}},
    "incident": {"$ref": "#/$defs/incident"}},
   "allOf": [{"if": {"properties": {"kind": {"const": "incident"}}}, "then": {"required": ["incident"]}},
             {"if": {"properties": {"kind": {"const": "note"}}}, "then": {"required": ["note"]}}]},
  "eventDate": {"type": ["object", "null"], "properties": {
     "precision": e("DatePrecision"),
     "value": {"type": ["string", "null"], "description": "exact: YYYY-MM-DDTHH:MM (local time); day: YYYY-MM-DD; month: YYYY-MM; year: YYYY"},
     "from": date, "to": date}},
  "incident": {"type": "object", "properties": {
     "type": e("IncidentType"),
     "accidental_cause": e("AccidentalCause"),
     "setting": {"type": ["object", "null"], "properties": {"type": e("SettingType"), "detail": S()}},
     "what_happened": S(),
     "harm": {"type": ["object", "null"], "properties": {"injury": e("Injury"), "property_damage": e("Damage"), "property_damage_detail": S(),
              "fire_service_attended": yn, "evacuation": yn}},
     "source": {"type": ["object", "null"], "properties": {"type": e("SourceType"), "third_party_role": S(), "official_body": e("OfficialBody"),
              "reference": S(), "verification": e("Verification")}},
     "legal": {"type": ["object", "null"], "properties": {"status": e("LegalStatus"), "status_date": date,
              "conviction": {"type": ["object", "null"], "properties": {"offence": S(), "date": date, "court": S(), "sentence": S()}},
              "spent": {"type": ["boolean", "null"], "description": "confirmed by the worker; null when not confirmed or not applicable"}}},
     "context": S(), "changes_since": S(),
     "interventions": {"type": ["array", "null"], "items": {"type": "object", "required": ["type"], "properties": {"type": e("InterventionType", False), "detail": S(), "date": date}}},
     "safety": {"type": ["object", "null"], "properties": {"smoking": yn, "substance_use": yn, "mobility_difficulty": yn, "hoarding_or_blocked_escape": yn,
              "working_smoke_alarm": yn, "home_fire_safety_visit": e("VisitStatus"), "home_fire_safety_visit_date": date}},
     "safety_plan": S(),
     "own_account": {"type": ["object", "null"], "properties": {"status": e("AccountStatus"), "reason": S(), "text": S(), "disputes_record": yn}}}}
 }
}
out = root / 'resources/schema/interchange.schema.json'
out.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + '\n')
print(f"wrote {out.relative_to(root)} ({len(enums)} enums)")
