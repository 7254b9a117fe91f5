"""Generated catalogs of any size for the scale benchmark and the import tests: plausible
bilingual products in the test store's categories (shoes, clothing, home, vitamins)."""

from __future__ import annotations

import json
import random
from pathlib import Path

KINDS = {
    "shoes": [("Wanderschuh", "hiking boot"), ("Laufschuh", "running shoe"), ("Sneaker", "sneaker"), ("Sandale", "sandal")],
    "clothing": [("Regenjacke", "rain jacket"), ("Fleecejacke", "fleece jacket"), ("Daunenparka", "down parka"), ("Funktionsshirt", "base layer")],
    "home": [("Luftreiniger", "air purifier"), ("Wasserkocher", "kettle"), ("Ventilator", "fan"), ("Staubsauger", "vacuum cleaner")],
    "vitamins": [("Vitamin D3", "vitamin D3"), ("Magnesium", "magnesium"), ("Omega-3", "omega-3"), ("Zink", "zinc")],
}
ADJECTIVES = [("leicht", "light"), ("wasserdicht", "waterproof"), ("robust", "rugged"), ("leise", "quiet"),
              ("warm", "warm"), ("atmungsaktiv", "breathable"), ("kompakt", "compact"), ("vegan", "vegan")]  # fmt: skip
NAMES = ["Alpen", "Nord", "Berg", "Wald", "Fluss", "Stadt", "Sonne", "Wolke", "Fels", "Tal", "Gipfel", "Pfad"]
COLORS = ["black", "blue", "red", "green", "grey", "navy"]


def product(i: int, rng: random.Random, price_shift: float = 0.0) -> dict:
    category = list(KINDS)[i % len(KINDS)]
    de_kind, en_kind = rng.choice(KINDS[category])
    (de_adj, en_adj), (de_adj2, en_adj2) = rng.sample(ADJECTIVES, 2)
    name = f"{rng.choice(NAMES)}{rng.choice(NAMES).lower()} {i}"
    sizes = {"shoes": ["40", "42", "44"], "clothing": ["S", "M", "L"]}.get(category, [None])
    price = round(rng.uniform(9, 300), 2) + price_shift
    return {
        "id": f"gen-{i:06d}",
        "title": {"de": f"{name} {de_kind}", "en": f"{name} {en_kind}"},
        "description": {
            "de": f"{de_adj.capitalize()}er und {de_adj2}er {de_kind} für jeden Tag. Modell {i}.",
            "en": f"A {en_adj}, {en_adj2} {en_kind} for every day. Model {i}.",
        },
        "category": category,
        "tags": [en_adj, en_adj2],
        "attributes": {"weight_g": rng.randint(100, 3000)},
        "size_system": {"shoes": "eu_shoe", "clothing": "letter"}.get(category),
        "variants": [
            {"sku": f"G{i}-{size or 'OS'}-{color}", "size": size, "color": color, "price": price, "stock": rng.randint(0, 20)}
            for size in sizes
            for color in rng.sample(COLORS, 2)
        ],
    }


def products(n: int, seed: int = 7, price_shift: float = 0.0) -> list[dict]:
    rng = random.Random(seed)
    return [product(i, rng, price_shift) for i in range(n)]


def write_jsonl(path: Path, n: int, seed: int = 7, price_shift: float = 0.0) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for p in products(n, seed, price_shift):
            fh.write(json.dumps({k: v for k, v in p.items() if v is not None}, ensure_ascii=False) + "\n")
    return path
