"""The OpenAPI 3.0 description of the merchant API, served at `/merchant/v1/openapi.json`.

Request schemas come from the same pydantic models that validate the requests.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic.schema import schema

from catalog.admin import ProductPatch
from catalog.models import Product
from catalog.store import StoreConfig
from orders.api import STATUSES

REF = "#/components/schemas/"


def _json(schema_ref: str | dict) -> dict:
    s = {"$ref": REF + schema_ref} if isinstance(schema_ref, str) else schema_ref
    return {"content": {"application/json": {"schema": s}}}


def _resp(description: str, schema_ref: str | dict = "Error") -> dict:
    return {"description": description, **_json(schema_ref)}


ERRORS = {
    "401": _resp("missing or invalid token"),
    "413": {"description": "body too large"},
    "422": _resp("invalid input; `fields` names each bad field"),
    "400": _resp("malformed request"),
}
ORDER_NUMBER = {"name": "number", "in": "path", "required": True, "schema": {"type": "string", "maxLength": 20}}
PRODUCT_ID = {"name": "product_id", "in": "path", "required": True, "schema": {"type": "string", "maxLength": 200}}
POLICY = [
    {"name": "topic", "in": "path", "required": True, "schema": {"type": "string", "pattern": "^[a-z0-9_-]{1,40}$"}},
    {"name": "lang", "in": "path", "required": True, "schema": {"type": "string", "enum": ["de", "en"]}},
]


def _op(summary: str, responses: dict, **extra) -> dict:  # noqa: ANN003
    return {"summary": summary, "responses": {**responses, **ERRORS}, **extra}


@lru_cache(maxsize=1)
def openapi() -> dict:
    # imported here: that module imports the merchant app, which imports this one
    from bot.merchant_orders import StatusChange

    models = schema([Product, ProductPatch, StoreConfig, StatusChange], ref_prefix=REF)["definitions"]
    obj = {"type": "object"}
    components = {
        **models,
        "Error": {"type": "object", "required": ["error"], "properties": {
            "error": {"type": "string"},
            "fields": {"type": "array", "items": {"type": "object", "properties": {
                "field": {"type": "string"}, "message": {"type": "string"}}}},
        }},
        "Job": {"type": "object", "required": ["id", "status"], "properties": {
            "id": {"type": "string"}, "kind": {"type": "string"},
            "status": {"type": "string", "enum": ["queued", "running", "done", "failed"]},
            "stage": {"type": "string"},
            "progress": {"type": "object", "properties": {"done": {"type": "integer"}, "total": {"type": "integer"}}},
            "report": {"type": "object", "nullable": True, "description": "added, changed, removed (ids), unchanged, "
                       "embedded, rejected ([{file, row, reason}]), counts, version, seconds"},
            "error": {"type": "string", "nullable": True},
            "created_at": {"type": "string"}, "updated_at": {"type": "string"},
        }},
        "Status": {"type": "object", "properties": {
            "store": {"type": "string"}, "products": {"type": "integer"}, "variants": {"type": "integer"},
            "model": {"type": "string", "nullable": True}, "version": {"type": "integer", "nullable": True},
            "index_type": {"type": "string", "nullable": True}, "indexed_products": {"type": "integer"},
            "catalog_hash": {"type": "string", "nullable": True}, "updated_at": {"type": "string", "nullable": True},
            "pending_jobs": {"type": "integer"},
        }},
        "Fact": {"type": "object", "description": "one fact the bot can state about the product", "properties": {
            "value": {"description": "number, text, true/false or a list (materials, suitable_for, dimensions_cm)"},
            "unit": {"type": "string", "nullable": True, "description": "g, mm, °C, h, mAh, Wh, l, cm, years"},
            "sentence": {"type": "string", "nullable": True, "description": "the sentence of the product text it was read from"},
            "lang": {"type": "string", "nullable": True, "enum": ["de", "en", None]},
            "origin": {"type": "string", "enum": ["text", "structured"],
                       "description": "`structured`: set by the merchant (fields, metafields); `text`: read from title / description, used only where no structured value exists"},
        }},
        "ProductWithFacts": {"allOf": [{"$ref": REF + "Product"}, {"type": "object", "properties": {
            "facts": {"type": "object", "additionalProperties": {"$ref": REF + "Fact"},
                      "description": "fact key (weight_g, waterproof, fit, ...) -> value, unit, sentence, origin"}}}]},
        "ProductChange": {"type": "object", "properties": {
            "result": {"type": "string"}, "version": {"type": "integer", "nullable": True},
            "product": {"$ref": REF + "Product"}}},
        "PolicyText": {"type": "object", "required": ["text"], "properties": {"text": {
            "type": "string", "maxLength": 100000, "description": "Markdown: a '# Title' line, then '## Section' lines with text",
            "pattern": "^([ \\t\\r]*\\n)*# [^\\n]*\\S[^\\n]*\\n(.*\\n)*## [^\\n]*\\S[^\\n]*\\n(.*\\n)*.*\\S"}}},
        "Order": {"type": "object", "required": ["number", "status", "items"], "properties": {
            "number": {"type": "string"}, "email": {"type": "string"}, "status": {"type": "string", "enum": list(STATUSES)},
            "carrier": {"type": "string", "nullable": True}, "tracking_number": {"type": "string", "nullable": True},
            "tracking_url": {"type": "string", "nullable": True}, "total": {"type": "number"},
            "items": {"type": "array", "items": obj}, "returns": {"type": "array", "items": obj},
            "exchanges": {"type": "array", "items": obj}}},
    }  # fmt: skip
    paths = {
        "/status": {"get": _op("index status", {"200": _resp("status", "Status")})},
        "/imports": {"post": _op(
            "import a whole catalog file (Shopify product CSV or JSONL) as a background job",
            {"202": _resp("job created", "Job")},
            parameters=[
                {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["csv", "shopify", "woocommerce", "jsonl"]},
                 "description": "file format (csv: a Shopify or WooCommerce product export, told by its header); else taken from the Content-Type or file name"},
                {"name": "skip_bad_rows", "in": "query", "schema": {"type": "boolean", "default": False},
                 "description": "import the good rows of a file with errors (default: a bad row changes nothing)"},
            ],
            requestBody={"required": True, "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
                "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}},
            }},
        )},
        "/jobs": {"get": _op("recent import jobs", {"200": _resp("jobs", {"type": "object", "properties": {
            "jobs": {"type": "array", "items": {"$ref": REF + "Job"}}}})})},
        "/jobs/{job_id}": {"get": _op("one job with progress and report", {"200": _resp("job", "Job"), "404": _resp("no such job")},
                                      parameters=[{"name": "job_id", "in": "path", "required": True, "schema": {"type": "string"}}])},
        "/products": {"get": _op("products, by id", {"200": _resp("a page of products", {"type": "object", "properties": {
            "total": {"type": "integer"}, "offset": {"type": "integer"},
            "products": {"type": "array", "items": {"$ref": REF + "Product"}}}})},
            parameters=[{"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}},
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}])},
        "/products/{product_id}": {
            "parameters": [PRODUCT_ID],
            "get": _op("one product, with the facts the bot found for it", {"200": _resp("the product", "ProductWithFacts"), "404": _resp("not found")}),
            "put": _op("create or replace a product (re-embedded only if its text changed)",
                       {"200": _resp("replaced or unchanged", "ProductChange"), "201": _resp("created", "ProductChange")},
                       requestBody={"required": True, **_json("Product")}),
            "patch": _op("change price, a variant's stock/price, texts, tags or attributes",
                         {"200": _resp("changed or unchanged", "ProductChange"), "404": _resp("not found")},
                         requestBody={"required": True, **_json("ProductPatch")}),
            "delete": _op("delete a product", {"200": _resp("deleted", {"type": "object"}), "404": _resp("not found")}),
        },
        "/policies": {"get": _op("policy texts (topics, languages, sections)", {"200": _resp("policies", obj)})},
        "/policies/{topic}/{lang}": {
            "parameters": POLICY,
            "get": _op("one policy text (Markdown)", {"200": _resp("text", obj), "404": _resp("not found")}),
            "put": _op("create or replace a policy text: '# Title' then '## Section' paragraphs",
                       {"200": _resp("replaced", obj), "201": _resp("created", obj)}, requestBody={"required": True, **_json("PolicyText")}),
            "delete": _op("delete a policy text", {"200": _resp("deleted", obj), "404": _resp("not found")}),
        },
        "/orders": {"get": _op("the orders of one e-mail address, newest first", {"200": _resp("orders", {"type": "object", "properties": {
            "orders": {"type": "array", "items": {"$ref": REF + "Order"}}}})},
            parameters=[{"name": "email", "in": "query", "required": True, "schema": {"type": "string", "format": "email", "maxLength": 254}}])},
        "/orders/{number}": {
            "parameters": [ORDER_NUMBER],
            "get": _op("one order with its returns and exchanges", {"200": _resp("the order", "Order"), "404": _resp("not found")}),
            "patch": _op("move an order along its life (status, carrier, tracking number); shipped sets the tracking link",
                         {"200": _resp("the order", "Order"), "404": _resp("not found"), "409": _resp("not possible in the order's state")},
                         requestBody={"required": True, **_json("StatusChange")}),
        },
        "/store-config": {
            "get": _op("store.yml as JSON", {"200": _resp("config", obj)}),
            "put": _op("replace store.yml (validated; shipping zones, returns, payment, contact, categories)",
                       {"200": _resp("replaced", obj)}, requestBody={"required": True, **_json("StoreConfig")}),
        },
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "shopbot merchant API", "version": "1.0.0",
                 "description": "Keep the catalog and store policies current; every change is live in the bot within 2 s."},
        "servers": [{"url": "/merchant/v1"}],
        "security": [{"bearer": []}],
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}, "schemas": components},
        "paths": paths,
    }  # fmt: skip
