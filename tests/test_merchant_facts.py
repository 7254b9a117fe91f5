"""The merchant API shows per product which facts the bot found, with value, unit and sentence."""

from __future__ import annotations

import requests

from tests.test_merchant import shop  # noqa: F401  (the fixture: test store imported, web app running)


def test_get_product_includes_facts(shop):  # noqa: F811
    r = requests.get(f"{shop.url}/merchant/v1/products/velo-rain-shell", headers=shop.headers)
    assert r.status_code == 200
    facts = r.json()["facts"]
    assert facts["weight_g"]["value"] == 180 and facts["weight_g"]["unit"] == "g"
    assert facts["weight_g"]["origin"] == "structured"
    assert facts["weight_g"]["sentence"] == "Weighs only 180 g."  # the text agrees with the structured value
    body = {"description": {"en": "Packable rain jacket. 20,000 mm hydrostatic head. Machine wash at 30 °C."}}
    r = requests.patch(f"{shop.url}/merchant/v1/products/velo-rain-shell", json=body, headers=shop.headers)
    assert r.status_code == 200, r.text
    facts = requests.get(f"{shop.url}/merchant/v1/products/velo-rain-shell", headers=shop.headers).json()["facts"]
    assert facts["waterproof_mm"] == {"value": 20000, "unit": "mm", "sentence": "20,000 mm hydrostatic head.", "lang": "en", "origin": "text"}
    assert facts["wash_temp_c"]["value"] == 30 and facts["wash_temp_c"]["unit"] == "°C"


def test_openapi_documents_facts(shop):  # noqa: F811
    spec = requests.get(f"{shop.url}/merchant/v1/openapi.json").json()
    get = spec["paths"]["/products/{product_id}"]["get"]
    assert get["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("ProductWithFacts")
    fact = spec["components"]["schemas"]["Fact"]["properties"]
    assert {"value", "unit", "sentence", "lang", "origin"} <= set(fact)
    assert "fact_sources" in spec["components"]["schemas"]["Product"]["properties"]
