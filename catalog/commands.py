"""`shopbot catalog ...`, `shopbot merchant token ...` and `shopbot store check` (the command
itself is `bot/cli.py`).

    shopbot catalog import FILE     validate a Shopify / WooCommerce CSV or JSONL file and make it the store's catalog
                                    (--skip-bad-rows: import the good rows of a file with errors)
    shopbot catalog build           (re)build the index from the store folder's own catalog file
    shopbot catalog stats           what the index holds
    shopbot catalog status          index status: products, variants, model, version, pending jobs
    shopbot catalog show ID         one product and the facts found in its text (--json)
    shopbot merchant token create NAME | list | revoke ID    merchant API tokens
    shopbot store check             validate store.yml
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from tqdm import tqdm

from catalog.admin import CatalogAdmin
from catalog.build import current_folder, index_dir, read_current_products, read_pointer
from catalog.db import open_database
from catalog.enrich import facts_view
from catalog.index import IndexMismatchError, read_manifest
from catalog.repository import ImportReport
from catalog.store import Store
from catalog.tokens import create_token, list_tokens, revoke_token


def _store(args: argparse.Namespace) -> Store:
    return Store(args.store)


def _data_folder(args: argparse.Namespace, store: Store) -> Path:
    return Path(args.data) / store.slug


class _Bar:
    """A tqdm progress bar per import stage."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.stage = ""
        self.bar: tqdm | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = tqdm(total=total, desc=stage, unit=" products" if stage == "embedding" else "")
        if self.bar is not None:
            self.bar.total = total
            self.bar.n = done
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def print_report(report: ImportReport, path: Path, skip_bad_rows: bool) -> None:
    if report.rejected:
        out = sys.stderr
        if report.version is None and not skip_bad_rows:
            print(f"{path}: {len(report.rejected)} problem(s); nothing was changed:", file=out)
        else:
            print(f"{path}: {len(report.rejected)} rejected row(s), left out:", file=out)
        for error in report.rejected[:50]:
            print(f"  {error['file']}:{error['row']}: {error['reason']}", file=out)
        if len(report.rejected) > 50:
            print(f"  ... and {len(report.rejected) - 50} more", file=out)
    if report.version is not None:
        c = report.summary()["counts"]
        print(
            f"{path}: added {c['added']}, changed {c['changed']}, removed {c['removed']}, unchanged {c['unchanged']}, "
            f"rejected {c['rejected']}; embedded {c['embedded']}; index version {report.version} ({report.seconds:.1f} s)"
        )
        for product_type, category in sorted(report.categories.items()):
            print(f"  {product_type!r} -> category {category}")
        if report.hidden:
            shown = ", ".join(report.hidden[:10]) + (" …" if len(report.hidden) > 10 else "")
            print(f"  {len(report.hidden)} product(s) imported but not shown to shoppers (draft, archived, unpublished): {shown}")


def _import(args: argparse.Namespace, path: Path, skip_if_current: bool = False, force: bool = False) -> int:
    store = _store(args)
    admin = CatalogAdmin(store.folder, args.data, args.embedder)
    bar = _Bar(not args.quiet)
    try:
        report = admin.import_file(path, getattr(args, "skip_bad_rows", False), bar, reading_progress=not args.quiet)
    finally:
        bar.close()
    print_report(report, path, getattr(args, "skip_bad_rows", False))
    if report.version is None:
        return 1
    if force and (row := admin.publish(force=True)):
        print(f"republished as index version {row['version']}")
    if skip_if_current and not (report.added or report.changed or report.removed):
        print(f"index for {store.slug} is current ({report.unchanged} products)")
    return 0


def cmd_catalog_import(args: argparse.Namespace) -> int:
    return _import(args, Path(args.file))


def cmd_catalog_build(args: argparse.Namespace) -> int:
    store = _store(args)
    return _import(args, store.catalog_file, skip_if_current=not args.force, force=args.force)


def cmd_catalog_stats(args: argparse.Namespace) -> int:
    store = _store(args)
    folder = current_folder(_data_folder(args, store))
    try:
        manifest = read_manifest(index_dir(folder))
    except IndexMismatchError as exc:
        print(exc, file=sys.stderr)
        return 1
    products = read_current_products(_data_folder(args, store))
    by_category = Counter(p.category for p in products)
    languages = Counter("+".join(sorted(p.languages)) for p in products)
    print(f"store:      {store.config.store.name} ({store.folder})")
    print(f"products:   {len(products)}  variants: {sum(len(p.variants) for p in products)}")
    print(f"in stock:   {sum(1 for p in products if p.total_stock > 0)} products")
    print(f"index:      {len(products)} products, model {manifest['model']}, dim {manifest['dim']}, built {manifest['built_at']}")
    print(f"catalog:    hash {manifest['catalog_hash']}, version {manifest.get('version', '-')}, index {manifest.get('index_type', 'flat')}")
    print("categories: " + ", ".join(f"{k} {v}" for k, v in sorted(by_category.items())))
    print("languages:  " + ", ".join(f"{k} {v}" for k, v in sorted(languages.items())))
    return 0


def cmd_catalog_status(args: argparse.Namespace) -> int:
    store = _store(args)
    status = CatalogAdmin(store.folder, args.data, args.embedder).status()
    for key, value in status.items():
        print(f"{key + ':':16} {value}")
    return 0 if read_pointer(_data_folder(args, store)) else 1


def _value_text(value: object, unit: str | None) -> str:
    if isinstance(value, list):
        text = " × ".join(map(str, value)) if unit == "cm" else ", ".join(map(str, value))
    elif isinstance(value, dict):  # a text field such as care: {lang: text}
        text = " / ".join(value.values())
    else:
        text = str(value)
    return f"{text} {unit}" if unit and value is not None else text


def cmd_catalog_show(args: argparse.Namespace) -> int:
    """One product and the facts the bot can state about it, with the sentence each came from."""
    store = _store(args)
    product = CatalogAdmin(store.folder, args.data, args.embedder).repo.get(args.id)
    if product is None:
        print(f"product {args.id!r} not found in the catalog of {store.folder}", file=sys.stderr)
        return 1
    view = facts_view(product)
    if args.json:
        print(json.dumps({**product.dict(exclude_none=True), "facts": view}, ensure_ascii=False, indent=2))
        return 0
    print(f"{product.id}: {' / '.join(dict.fromkeys(product.title.values()))} ({product.category})")
    print(f"variants: {len(product.variants)}, in stock: {product.total_stock}")
    print(f"facts ({len(view)}; 'text' = read from the product text, 'structured' = set as a field):")
    for key, fact in view.items():
        origin = f"{fact['origin']} ({fact['lang']})" if fact["lang"] else fact["origin"]
        line = f"  {key:18} {_value_text(fact['value'], fact['unit']):32} {origin}"
        print(f"{line}  \"{fact['sentence']}\"" if fact["sentence"] else line)
    return 0


def cmd_token_create(args: argparse.Namespace) -> int:
    token_id, token = create_token(open_database(args.data), args.name)
    print(f"token {token_id} for {args.name!r} (shown only now; send it as 'Authorization: Bearer <token>'):")
    print(token)
    return 0


def cmd_token_list(args: argparse.Namespace) -> int:
    import time

    for row in list_tokens(open_database(args.data)):
        state = "revoked" if row["revoked_at"] else "active"
        print(f"{row['id']}  {state:8} {time.strftime('%Y-%m-%d %H:%M', time.gmtime(row['created_at']))}  {row['name']}")
    return 0


def cmd_token_revoke(args: argparse.Namespace) -> int:
    if revoke_token(open_database(args.data), args.id):
        print(f"token {args.id} revoked")
        return 0
    print(f"no active token {args.id}", file=sys.stderr)
    return 1


def cmd_store_check(args: argparse.Namespace) -> int:
    store = _store(args)
    print(f"{store.folder / 'store.yml'}: ok ({len(store.config.shipping.zones)} shipping zones, {len(store.config.categories)} categories)")
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Adds `catalog`, `merchant` and `store` to the `shopbot` command's subcommands."""
    catalog = commands.add_parser("catalog", help="import and index products").add_subparsers(dest="action", required=True)
    p = catalog.add_parser("import", help="import a Shopify or WooCommerce product CSV export, or a JSONL file")
    p.add_argument("file")
    p.add_argument("--skip-bad-rows", action="store_true", help="import the good rows of a file with errors")
    p.set_defaults(func=cmd_catalog_import)
    p = catalog.add_parser("build", help="build the index from the store folder's catalog file")
    p.add_argument("--force", action="store_true", help="rebuild even if the index is current")
    p.set_defaults(func=cmd_catalog_build)
    catalog.add_parser("stats", help="what the index holds").set_defaults(func=cmd_catalog_stats)
    catalog.add_parser("status", help="index status and pending jobs").set_defaults(func=cmd_catalog_status)
    p = catalog.add_parser("show", help="one product and the facts found for it (value, unit, source sentence)")
    p.add_argument("id")
    p.add_argument("--json", action="store_true", help="the product and its facts as JSON (as the merchant API shows them)")
    p.set_defaults(func=cmd_catalog_show)

    merchant = commands.add_parser("merchant", help="merchant API").add_subparsers(dest="action", required=True)
    tokens = merchant.add_parser("token", help="API tokens").add_subparsers(dest="token_action", required=True)
    p = tokens.add_parser("create", help="create a token (printed once)")
    p.add_argument("name", help="who or what uses it, e.g. 'shopify-sync'")
    p.set_defaults(func=cmd_token_create)
    tokens.add_parser("list", help="list tokens").set_defaults(func=cmd_token_list)
    p = tokens.add_parser("revoke", help="revoke a token")
    p.add_argument("id")
    p.set_defaults(func=cmd_token_revoke)

    store = commands.add_parser("store", help="store config").add_subparsers(dest="action", required=True)
    store.add_parser("check", help="validate store.yml").set_defaults(func=cmd_store_check)
