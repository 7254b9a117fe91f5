"""The merchant API (`/merchant/v1/...` in the aiohttp app): import catalog files, change single
products, edit store policies and config, read the index status; orders in `bot/merchant_orders.py`.

Every route but the OpenAPI description needs `Authorization: Bearer <token>` (tokens from
`shopbot merchant token create`). Bodies are size-limited, validated with pydantic, and errors
name the field: `{"error": "...", "fields": [{"field": "variants.0.price", "message": "..."}]}`.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from bot.merchant_openapi import openapi
from catalog.admin import CatalogAdmin, ProductError
from catalog.enrich import facts_view
from catalog.jobs import Jobs
from catalog.store import StoreConfigError
from catalog.store_edit import (
    EditError,
    delete_policy,
    list_policies,
    read_policy,
    read_store_config,
    write_policy,
    write_store_config,
)
from catalog.tokens import verify_token

PREFIX = "/merchant/v1"
MAX_JSON_BYTES = int(os.environ.get("SHOPBOT_MAX_JSON_BYTES", str(1024 * 1024)))
MAX_UPLOAD_BYTES = int(os.environ.get("SHOPBOT_MAX_UPLOAD_BYTES", str(200 * 1024 * 1024)))
ADMIN = web.AppKey("merchant_admin", CatalogAdmin)
JOBS = web.AppKey("merchant_jobs", Jobs)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def error(status: int, message: str, fields: list[dict] | None = None, headers: dict | None = None) -> web.Response:
    body: dict = {"error": message}
    if fields is not None:
        body["fields"] = fields
    return web.json_response(body, status=status, headers=headers)


async def _blocking(fn, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
    return await asyncio.get_running_loop().run_in_executor(None, partial(fn, *args, **kwargs))


@web.middleware
async def merchant_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Token check for the merchant routes; refused changes become 4xx with the field named."""
    if not request.path.startswith(PREFIX + "/") or request.path == f"{PREFIX}/openapi.json":
        return await handler(request)
    admin = request.app[ADMIN]
    auth = request.headers.get("Authorization", "")
    token = auth[7:].strip() if auth[:7].lower() == "bearer " else None
    if not await _blocking(verify_token, admin.db, token):
        return error(401, "missing or invalid API token (send 'Authorization: Bearer <token>')",
                     headers={"WWW-Authenticate": 'Bearer realm="shopbot merchant API"'})  # fmt: skip
    try:
        return await handler(request)
    except (ProductError, EditError) as exc:
        return error(exc.status, str(exc), exc.fields)
    except StoreConfigError as exc:
        return error(409, f"the store config on disk is invalid: {exc}")


async def read_body(request: web.Request, limit: int = MAX_JSON_BYTES) -> bytes:
    if request.content_length is not None and request.content_length > limit:
        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=request.content_length)
    chunks, size = [], 0
    async for chunk in request.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=size)
        chunks.append(chunk)
    return b"".join(chunks)


async def read_json(request: web.Request):  # noqa: ANN201
    raw = await read_body(request)
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProductError("the body is not valid JSON", [{"field": "", "message": str(exc)[:200]}], status=400) from exc


def _flag(request: web.Request, name: str) -> bool:
    value = request.query.get(name, "false").lower()
    if value not in ("true", "false", "1", "0", "yes", "no"):
        raise ProductError(f"invalid query parameter {name}", [{"field": name, "message": "must be true or false"}], status=400)
    return value in ("true", "1", "yes")


# --- status and jobs ---------------------------------------------------------------


async def get_openapi(request: web.Request) -> web.Response:
    return web.json_response(openapi())


async def get_status(request: web.Request) -> web.Response:
    return web.json_response(await _blocking(request.app[ADMIN].status))


async def list_jobs(request: web.Request) -> web.Response:
    return web.json_response({"jobs": await _blocking(request.app[JOBS].recent)})


async def get_job(request: web.Request) -> web.Response:
    job = await _blocking(request.app[JOBS].get, request.match_info["job_id"])
    return web.json_response(job) if job else error(404, "no such job")


async def post_import(request: web.Request) -> web.Response:
    """Upload a catalog file (raw body or multipart field `file`); returns the job (202)."""
    admin = request.app[ADMIN]
    skip = _flag(request, "skip_bad_rows")
    fmt = request.query.get("format")
    if request.content_type.startswith("multipart/"):
        try:
            reader = await request.multipart()
            part = await reader.next()
            while part is not None and getattr(part, "name", None) != "file":
                part = await reader.next()
        except (ValueError, AssertionError, HttpProcessingError) as exc:
            raise ProductError("malformed multipart body", [{"field": "file", "message": str(exc)[:200]}], status=400) from exc
        if part is None:
            raise ProductError("no file", [{"field": "file", "message": "send the catalog in a form field named 'file'"}], status=400)
        filename = getattr(part, "filename", None) or ""
        fmt = fmt or ("csv" if filename.lower().endswith(".csv") else "jsonl" if filename.lower().endswith((".jsonl", ".ndjson")) else None)
        source = part
    else:
        source = None
        ct = request.content_type
        fmt = fmt or ("csv" if ct == "text/csv" else "jsonl" if ct in ("application/jsonl", "application/x-ndjson", "application/x-jsonlines") else None)
    if fmt not in ("csv", "shopify", "woocommerce", "jsonl"):
        raise ProductError("unknown file format", [{"field": "format", "message": "use format=csv (Shopify or WooCommerce export, told by its header), shopify, woocommerce or jsonl"}], status=400)
    if request.content_length is not None and request.content_length > MAX_UPLOAD_BYTES:
        return error(413, f"the file is larger than {MAX_UPLOAD_BYTES} bytes")
    uploads = admin.folder / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    path = uploads / f"{secrets.token_hex(8)}.{'jsonl' if fmt == 'jsonl' else 'csv'}"
    size = 0
    try:
        with path.open("wb") as fh:
            while True:
                chunk = await (source.read_chunk(256 * 1024) if source is not None else request.content.read(256 * 1024))
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_UPLOAD_BYTES:
                    raise web.HTTPRequestEntityTooLarge(max_size=MAX_UPLOAD_BYTES, actual_size=size)
                fh.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    if size == 0:
        path.unlink(missing_ok=True)
        raise ProductError("empty file", [{"field": "file", "message": "the upload is empty"}], status=400)
    job = await _blocking(request.app[JOBS].start_import, path, skip, fmt if fmt in ("shopify", "woocommerce") else None)
    return web.json_response(job, status=202, headers={"Location": f"{PREFIX}/jobs/{job['id']}"})


# --- products --------------------------------------------------------------------


async def list_products(request: web.Request) -> web.Response:
    try:
        offset = int(request.query.get("offset", "0"))
        limit = int(request.query.get("limit", "100"))
    except ValueError:
        return error(400, "offset and limit must be integers", [{"field": "offset/limit", "message": "not an integer"}])
    if not 0 <= offset <= 10**9 or not 1 <= limit <= 1000:
        return error(400, "out of range", [{"field": "offset/limit", "message": "limit 1..1000, offset 0..1000000000"}])
    total, products = await _blocking(request.app[ADMIN].repo.list, offset, limit)
    return web.json_response({"total": total, "offset": offset, "products": [p.dict(exclude_none=True) for p in products]})


async def get_product(request: web.Request) -> web.Response:
    product = await _blocking(request.app[ADMIN].repo.get, request.match_info["product_id"])
    if not product:
        return error(404, "product not found")
    return web.json_response({**product.dict(exclude_none=True), "facts": facts_view(product)})


async def put_product(request: web.Request) -> web.Response:
    raw = await read_json(request)
    outcome, product, version = await _blocking(request.app[ADMIN].put_product, request.match_info["product_id"], raw)
    status = 201 if outcome == "created" else 200
    return web.json_response({"result": outcome, "version": version, "product": product.dict(exclude_none=True)}, status=status)


async def patch_product(request: web.Request) -> web.Response:
    raw = await read_json(request)
    if not isinstance(raw, dict):
        return error(422, "expected a JSON object", [{"field": "", "message": "expected a JSON object"}])
    product, version = await _blocking(request.app[ADMIN].patch_product, request.match_info["product_id"], raw)
    return web.json_response({"result": "changed" if version else "unchanged", "version": version,
                              "product": product.dict(exclude_none=True)})  # fmt: skip


async def delete_product(request: web.Request) -> web.Response:
    version = await _blocking(request.app[ADMIN].delete_product, request.match_info["product_id"])
    return web.json_response({"result": "deleted", "version": version})


# --- policies and store config ------------------------------------------------------


async def get_policies(request: web.Request) -> web.Response:
    return web.json_response({"policies": await _blocking(list_policies, request.app[ADMIN].store_dir)})


async def get_policy(request: web.Request) -> web.Response:
    m = request.match_info
    text = await _blocking(read_policy, request.app[ADMIN].store_dir, m["topic"], m["lang"])
    return web.json_response({"topic": m["topic"], "lang": m["lang"], "text": text}) if text is not None else error(404, "no such policy")


async def put_policy(request: web.Request) -> web.Response:
    m = request.match_info
    raw = await read_json(request)
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        return error(422, "invalid body", [{"field": "text", "message": "expected {\"text\": \"# Title\\n\\n## Section\\n...\"}"}])
    created = await _blocking(write_policy, request.app[ADMIN].store_dir, m["topic"], m["lang"], raw["text"])
    return web.json_response({"result": "created" if created else "replaced"}, status=201 if created else 200)


async def remove_policy(request: web.Request) -> web.Response:
    m = request.match_info
    if not await _blocking(delete_policy, request.app[ADMIN].store_dir, m["topic"], m["lang"]):
        return error(404, "no such policy")
    return web.json_response({"result": "deleted"})


async def get_store_config(request: web.Request) -> web.Response:
    raw = await _blocking(read_store_config, request.app[ADMIN].store_dir)
    return web.json_response(json.loads(json.dumps(raw, default=str)))


async def put_store_config(request: web.Request) -> web.Response:
    raw = await read_json(request)
    await _blocking(write_store_config, request.app[ADMIN].store_dir, raw)
    return web.json_response({"result": "replaced"})


def setup_merchant(app: web.Application, store_dir: Path | str, data_dir: Path | str, embedder: str | None = None) -> None:
    """Add the merchant API to `app` for one store."""
    admin = CatalogAdmin(store_dir, data_dir, embedder)
    jobs = Jobs(admin)
    jobs.fail_interrupted()
    app[ADMIN] = admin
    app[JOBS] = jobs
    app.middlewares.append(merchant_middleware)
    from bot.merchant_orders import setup_orders  # imports this module's helpers

    setup_orders(app, store_dir, data_dir)
    p = PREFIX
    app.add_routes([
        web.get(f"{p}/openapi.json", get_openapi),
        web.get(f"{p}/status", get_status),
        web.post(f"{p}/imports", post_import),
        web.get(f"{p}/jobs", list_jobs),
        web.get(f"{p}/jobs/{{job_id}}", get_job),
        web.get(f"{p}/products", list_products),
        web.get(f"{p}/products/{{product_id}}", get_product),
        web.put(f"{p}/products/{{product_id}}", put_product),
        web.patch(f"{p}/products/{{product_id}}", patch_product),
        web.delete(f"{p}/products/{{product_id}}", delete_product),
        web.get(f"{p}/policies", get_policies),
        web.get(f"{p}/policies/{{topic}}/{{lang}}", get_policy),
        web.put(f"{p}/policies/{{topic}}/{{lang}}", put_policy),
        web.delete(f"{p}/policies/{{topic}}/{{lang}}", remove_policy),
        web.get(f"{p}/store-config", get_store_config),
        web.put(f"{p}/store-config", put_store_config),
    ])  # fmt: skip
