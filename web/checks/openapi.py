"""The OpenAPI 3.1 description of /api/v1/, served at /api/v1/openapi.json."""

from __future__ import annotations

from typing import Any

from netiquette.kinds import Channel, Role, RuleKind, Severity


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


ERROR = {"description": "Bad input, with each problem's place", **_json(_ref("Error"))}
UNAUTHORISED = {"description": "No token, or an unknown one", **_json(_ref("Error"))}

SCHEMAS: dict[str, Any] = {
    "Attachment": {
        "type": "object",
        "properties": {
            "type": {"type": "string", "default": "photo"},
            "name": {"type": "string"},
            "people": {"type": "array", "items": {"type": "string"}},
            "rights": {"type": ["string", "null"]},
        },
    },
    "Item": {
        "type": "object",
        "required": ["id"],
        "description": "A post (with text) or a friend request (type friend-request, from, to).",
        "properties": {
            "id": {"type": "string"},
            "text": {"type": "string"},
            "type": {"type": "string", "enum": ["post", "friend-request"]},
            "from": {"type": "string"},
            "to": {"type": "string"},
            "author_role": {"type": "string", "enum": [r.value for r in Role]},
            "channel": {"type": "string", "enum": [c.value for c in Channel]},
            "author": {"type": "string"},
            "posted_at": {"type": "string", "format": "date-time"},
            "attachments": {"type": "array", "items": _ref("Attachment")},
        },
    },
    "Finding": {
        "type": "object",
        "properties": {
            "kind": {"type": "string", "enum": [k.value for k in RuleKind]},
            "clause": {"type": "string"},
            "severity": {"type": "string", "enum": [s.value for s in Severity]},
            "start": {"type": "integer"},
            "end": {"type": "integer"},
            "evidence": {"type": "string"},
            "message": {"type": "string"},
            "suggestion": {"type": "string"},
            "detector": {"type": "string"},
            "score": {"type": "number"},
        },
    },
    "Result": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "verdict": {"type": "string", "enum": [s.value for s in Severity]},
            "findings": {"type": "array", "items": _ref("Finding")},
            "redacted": {"type": "string"},
        },
    },
    "Error": {
        "type": "object",
        "properties": {
            "error": {"type": "string"},
            "problems": {"type": "array", "items": {"type": "string"}},
        },
    },
}

SCHEMA: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "Netiquette API",
        "version": "1",
        "description": "Check posts against the school's social media policy.",
    },
    "servers": [{"url": "/api/v1"}],
    "security": [{"token": []}],
    "paths": {
        "/check": {
            "post": {
                "summary": "Check one item",
                "requestBody": {"required": True, **_json(_ref("Item"))},
                "responses": {
                    "200": {"description": "The result", **_json(_ref("Result"))},
                    "400": ERROR,
                    "401": UNAUTHORISED,
                },
            }
        },
        "/check/batch": {
            "post": {
                "summary": "Check up to 1,000 items, in order",
                "requestBody": {
                    "required": True,
                    **_json(
                        {
                            "type": "object",
                            "required": ["items"],
                            "properties": {
                                "items": {"type": "array", "maxItems": 1000, "items": _ref("Item")}
                            },
                        }
                    ),
                },
                "responses": {
                    "200": {
                        "description": "One result per item, in input order",
                        **_json(
                            {
                                "type": "object",
                                "properties": {
                                    "results": {"type": "array", "items": _ref("Result")}
                                },
                            }
                        ),
                    },
                    "400": ERROR,
                    "401": UNAUTHORISED,
                },
            }
        },
        "/policy": {
            "get": {
                "summary": "The social media policy in force, in the policy file format",
                "responses": {"200": {"description": "The policy"}, "401": UNAUTHORISED},
            }
        },
    },
    "components": {
        "schemas": SCHEMAS,
        "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
    },
}
