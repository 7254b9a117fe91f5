"""The `shopbot` command.

    shopbot catalog import FILE     validate a Shopify CSV / JSONL file and make it the store's catalog
    shopbot catalog build           (re)build the index from the store folder's own catalog file
    shopbot catalog stats           what the index holds
    shopbot store check             validate store.yml
    shopbot run                     start Rasa, the action server and the web page
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

from catalog.build import build, index_dir, is_current, products_file, read_products
from catalog.embedder import DEFAULT_EMBEDDER, get_embedder
from catalog.importer import import_file
from catalog.index import IndexMismatchError, read_manifest
from catalog.store import Store, StoreConfigError


def _store(args: argparse.Namespace) -> Store:
    return Store(args.store)


def _data_folder(args: argparse.Namespace, store: Store) -> Path:
    return Path(args.data) / store.slug


def _import(args: argparse.Namespace, path: Path, skip_if_current: bool = False) -> int:
    store = _store(args)
    result = import_file(path, store.config.categories, progress=not args.quiet)
    if result.errors:
        print(f"{path}: {len(result.errors)} problem(s); nothing was changed:", file=sys.stderr)
        for error in result.errors[:50]:
            print(f"  {error}", file=sys.stderr)
        if len(result.errors) > 50:
            print(f"  ... and {len(result.errors) - 50} more", file=sys.stderr)
        return 1
    folder = _data_folder(args, store)
    embedder = get_embedder(args.embedder)
    if skip_if_current and is_current(result.products, folder, embedder.name):
        print(f"index for {store.slug} is current ({len(result.products)} products)")
        return 0
    manifest = build(result.products, folder, embedder, progress=not args.quiet)
    print(f"imported {len(result.products)} products from {result.rows} rows into {folder} (model {manifest['model']})")
    return 0


def cmd_catalog_import(args: argparse.Namespace) -> int:
    return _import(args, Path(args.file))


def cmd_catalog_build(args: argparse.Namespace) -> int:
    store = _store(args)
    return _import(args, store.catalog_file, skip_if_current=not args.force)


def cmd_catalog_stats(args: argparse.Namespace) -> int:
    store = _store(args)
    folder = _data_folder(args, store)
    try:
        manifest = read_manifest(index_dir(folder))
    except IndexMismatchError as exc:
        print(exc, file=sys.stderr)
        return 1
    products = read_products(products_file(folder))
    by_category = Counter(p.category for p in products)
    languages = Counter("+".join(sorted(p.languages)) for p in products)
    print(f"store:      {store.config.store.name} ({store.folder})")
    print(f"products:   {len(products)}  variants: {sum(len(p.variants) for p in products)}")
    print(f"in stock:   {sum(1 for p in products if p.total_stock > 0)} products")
    print(f"index:      {manifest['count']} vectors, model {manifest['model']}, dim {manifest['dim']}, built {manifest['built_at']}")
    print(f"catalog:    hash {manifest['catalog_hash']}")
    print("categories: " + ", ".join(f"{k} {v}" for k, v in sorted(by_category.items())))
    print("languages:  " + ", ".join(f"{k} {v}" for k, v in sorted(languages.items())))
    return 0


def cmd_store_check(args: argparse.Namespace) -> int:
    store = _store(args)
    print(f"{store.folder / 'store.yml'}: ok ({len(store.config.shipping.zones)} shipping zones, {len(store.config.categories)} categories)")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from bot.stack import run_stack

    return run_stack(store=args.store, data=args.data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="shopbot", description="shopbot: a conversational shopping assistant")
    parser.add_argument("--store", default=os.environ.get("SHOPBOT_STORE", "stores/demo"), help="store folder (env SHOPBOT_STORE)")
    parser.add_argument("--data", default=os.environ.get("SHOPBOT_DATA", "var"), help="where indexes are kept (env SHOPBOT_DATA)")
    parser.add_argument("--embedder", default=os.environ.get("SHOPBOT_EMBEDDER", DEFAULT_EMBEDDER), help="'use' or 'st:<model dir>'")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    commands = parser.add_subparsers(dest="command", required=True)

    catalog = commands.add_parser("catalog", help="import and index products").add_subparsers(dest="action", required=True)
    p = catalog.add_parser("import", help="import a Shopify product CSV or a JSONL file")
    p.add_argument("file")
    p.set_defaults(func=cmd_catalog_import)
    p = catalog.add_parser("build", help="build the index from the store folder's catalog file")
    p.add_argument("--force", action="store_true", help="rebuild even if the index is current")
    p.set_defaults(func=cmd_catalog_build)
    catalog.add_parser("stats", help="what the index holds").set_defaults(func=cmd_catalog_stats)

    store = commands.add_parser("store", help="store config").add_subparsers(dest="action", required=True)
    store.add_parser("check", help="validate store.yml").set_defaults(func=cmd_store_check)
    commands.add_parser("run", help="start the whole stack").set_defaults(func=cmd_run)

    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except StoreConfigError as exc:
        print(exc, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
