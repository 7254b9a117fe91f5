"""Every sentence the bot says, in German (formal "Sie") and English, plus number/date formats.

Facts are never written here: templates get them from the catalog, the store config or orders.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_skeleton, format_time
from babel.numbers import format_currency

from actions.texts_charts import CHART_TEXTS
from actions.texts_orders import ORDER_TEXTS
from actions.texts_sizes import SIZE_TEXTS

T: dict[str, dict[str, str]] = {
    "greet": {
        "de": "Willkommen bei {shop}! {tagline} Wonach suchen Sie?",
        "en": "Welcome to {shop}! {tagline} What are you looking for?",
    },
    "greet_product": {
        "de": "Willkommen bei {shop}! Haben Sie Fragen zu Größe, Verfügbarkeit oder Versand von {product}?",
        "en": "Welcome to {shop}! Any questions about the size, availability or shipping of {product}?",
    },
    "goodbye": {"de": "Auf Wiedersehen und viel Freude mit Ihrem Einkauf!", "en": "Goodbye, and enjoy your shopping!"},
    "thank": {"de": "Gern geschehen! Kann ich sonst noch helfen?", "en": "You're welcome! Anything else I can help with?"},
    "bot_challenge": {
        "de": "Ich bin der digitale Einkaufsassistent von {shop}, kein Mensch. {handoff}",
        "en": "I'm {shop}'s digital shopping assistant, not a human. {handoff}",
    },
    "anything_else": {"de": "Gut. Wobei kann ich sonst helfen?", "en": "All right. What else can I help with?"},
    "fallback": {
        "de": "Das kann ich leider nicht beantworten. Ich helfe Ihnen gern bei Produkten, Größen, Versand und unseren Richtlinien. Soll ich Sie mit einem Mitarbeiter verbinden?",
        "en": "I'm afraid I can't answer that. I can help with products, sizes, shipping and our store policies. Shall I put you in touch with a person?",
    },
    "handoff": {"de": "{how} Erreichbar: {hours}. E-Mail: {email}{phone}.", "en": "{how} Available: {hours}. E-mail: {email}{phone}."},
    "invalid_empty": {
        "de": "Ihre Nachricht war leer. Bitte schreiben Sie mir, wobei ich helfen kann.",
        "en": "Your message was empty. Please tell me what I can help you with.",
    },
    "invalid_long": {
        "de": "Ihre Nachricht ist mit {length} Zeichen zu lang (höchstens {limit}). Bitte fassen Sie Ihre Frage kürzer.",
        "en": "Your message is too long ({length} characters, at most {limit}). Please ask in fewer words.",
    },
    "slow_down": {
        "de": "Sie schreiben gerade sehr schnell. Bitte warten Sie einen Moment und schreiben Sie mir dann noch einmal.",
        "en": "You're sending messages very quickly. Please wait a moment, then write to me again.",
    },
    "try_again": {
        "de": "Einen Moment bitte – Ihre Nachricht konnte gerade nicht bearbeitet werden. Bitte senden Sie sie in ein paar Sekunden noch einmal.",
        "en": "One moment please – your message could not be handled just now. Please send it again in a few seconds.",
    },
    "request_too_large": {
        "de": "Ihre Nachricht ist mit {size} Bytes zu groß (höchstens {limit}). Bitte fassen Sie Ihre Frage kürzer.",
        "en": "Your message is too large ({size} bytes, at most {limit}). Please ask in fewer words.",
    },
    # --- products
    "found": {"de": "Das passt am besten:", "en": "These match best:"},
    "found_one": {"de": "Das passt am besten:", "en": "This matches best:"},
    "found_weak": {
        "de": "Genau das führen wir wohl nicht. Am ehesten passt:",
        "en": "We may not carry exactly that. The closest we have:",
    },
    "found_relaxed": {
        "de": "Genau so ({dropped}) habe ich leider nichts. Am nächsten kommt:",
        "en": "I found nothing that matches exactly ({dropped}). Closest matches:",
    },
    "nothing_found": {
        "de": "Dazu habe ich in unserem Sortiment leider nichts gefunden. Möchten Sie es anders beschreiben, oder soll ich Sie mit einem Mitarbeiter verbinden?",
        "en": "I couldn't find anything like that in our range. Would you like to describe it differently, or shall I put you in touch with a person?",
    },
    "dropped_size": {"de": "Größe {size} nicht vorrätig", "en": "size {size} not in stock"},
    "dropped_color": {"de": "nicht in {color}", "en": "not in {color}"},
    "dropped_price": {"de": "nicht in dieser Preisklasse", "en": "not in that price range"},
    "which_product": {
        "de": "Welches Produkt meinen Sie? Nennen Sie mir den Namen, oder ich suche Ihnen passende Produkte heraus.",
        "en": "Which product do you mean? Tell me its name, or I can find matching products for you.",
    },
    "no_such_position": {
        "de": "Ich habe Ihnen zuletzt {count} Produkt(e) gezeigt. Welches meinen Sie?",
        "en": "I showed you {count} product(s) last. Which one do you mean?",
    },
    "nothing_shown": {
        "de": "Ich habe Ihnen noch keine Produkte gezeigt. Wonach suchen Sie?",
        "en": "I haven't shown you any products yet. What are you looking for?",
    },
    "price_from": {"de": "ab {price}", "en": "from {price}"},
    "sale": {"de": "statt {price}", "en": "was {price}"},
    "in_stock": {"de": "vorrätig", "en": "in stock"},
    "low_stock": {"de": "nur noch {count} Stück", "en": "only {count} left"},
    "sold_out": {"de": "ausverkauft", "en": "sold out"},
    "sizes_in_stock": {"de": "Größen vorrätig: {sizes}", "en": "Sizes in stock: {sizes}"},
    "colors_available": {"de": "Farben: {colors}", "en": "Colours: {colors}"},
    "under_price": {"de": "unter {price}", "en": "under {price}"},
    "in_size": {"de": "in Größe {size} vorrätig", "en": "size {size} in stock"},
    "in_color": {"de": "in {color} erhältlich", "en": "available in {color}"},
    "details_link": {"de": "Zum Produkt: {url}", "en": "Product page: {url}"},
    # --- shipping
    "ship_express_unknown": {
        "de": "Zu Express- oder Kurierversand steht in unseren Versandinformationen nichts; so verschicken wir:",
        "en": "Our shipping information does not mention an express or courier service; this is how we ship:",
    },
    "ship_quote": {
        "de": "Versand nach {country} mit {carrier}: {days} Werktage, {cost}{free}.",
        "en": "Shipping to {country} with {carrier}: {days} business days, {cost}{free}.",
    },
    "ship_free_from": {"de": " (versandkostenfrei ab {amount})", "en": " (free from {amount})"},
    "ship_free_for_product": {
        "de": "Für {product} ({price}) ist der Versand kostenlos.",
        "en": "Shipping {product} ({price}) is free.",
    },
    "ship_window": {
        "de": "Wenn Sie jetzt bestellen, verschicken wir am {ship} und das Paket kommt voraussichtlich {window} an (Bestellungen bis {cutoff} Uhr gehen am selben Werktag raus).",
        "en": "If you order now, we dispatch on {ship} and the parcel should arrive {window} (orders placed by {cutoff} ship the same business day).",
    },
    "window_range": {"de": "zwischen {a} und {b}", "en": "between {a} and {b}"},
    "window_day": {"de": "am {a}", "en": "on {a}"},
    "ship_no_zone": {
        "de": "Nach {country} liefern wir leider nicht. Wir liefern nach: {zones}.",
        "en": "Sorry, we do not ship to {country}. We ship to: {zones}.",
    },
    "ship_ask_country": {"de": "In welches Land soll geliefert werden? Wir liefern nach: {zones}.", "en": "Which country should it go to? We ship to: {zones}."},
    "free": {"de": "kostenlos", "en": "free"},
    # --- fit
    "fit_yes": {"de": "Ja: {fact}", "en": "Yes: {fact}"},
    # a yes/no question about a feature the quoted sentence names or denies ("Are these wellies lined?" -> "Ungefüttert …")
    "feature_yes": {"de": "Ja. {quote}", "en": "Yes. {quote}"},
    "feature_no": {"de": "Nein. {quote}", "en": "No. {quote}"},
    "fit_no": {"de": "Eher nicht: {fact}", "en": "Probably not: {fact}"},
    "fit_partly": {"de": "Bedingt: {fact}", "en": "Partly: {fact}"},
    "text_closest": {
        "de": "Dazu steht nichts Eindeutiges in unseren Produktdaten zu {product}. Am nächsten kommt dieser Satz der Beschreibung: „{sentence}“ "
        "Soll ich Sie mit einem Mitarbeiter verbinden, der nachsehen kann?",
        "en": "Our product data for {product} doesn't say this clearly. The closest the description comes is: “{sentence}” "
        "Shall I put you in touch with a person who can check?",
    },
    "fit_from_text": {"de": "Laut Produktbeschreibung: „{sentence}“", "en": "The product description says: “{sentence}”"},
    "fit_unknown_product": {
        "de": "Dazu steht leider nichts in unseren Produktdaten zu {product}. Soll ich Sie mit einem Mitarbeiter verbinden, der nachsehen kann?",
        "en": "Our product data for {product} doesn't say. Shall I put you in touch with a person who can check?",
    },
    # --- compare
    "compare_need_two": {
        "de": "Welche zwei Produkte soll ich vergleichen? Nennen Sie die Namen oder lassen Sie sich zuerst Produkte zeigen.",
        "en": "Which two products shall I compare? Name them, or let me show you some products first.",
    },
    "compare_pick": {"de": "Hier liegt {winner} vorn: {won} (gegenüber {lost} bei {loser}).", "en": "{winner} comes out ahead here: {won} (against {lost} for {loser})."},
    "compare_same": {"de": "{a} und {b} sind hier gleich: {phrase}.", "en": "{a} and {b} are the same here: {phrase}."},
    "versions_head": {"de": "{product} in den gefragten Ausführungen:", "en": "{product} in the versions you asked about:"},
    "compare_head": {"de": "{a} und {b} im Vergleich:", "en": "{a} vs {b}:"},
    "price": {"de": "Preis", "en": "Price"},
    "sizes": {"de": "Größen vorrätig", "en": "Sizes in stock"},
    "colors": {"de": "Farben", "en": "Colours"},
    "fit": {"de": "Passform", "en": "Fit"},
    "none": {"de": "keine", "en": "none"},
    # --- info
    "materials": {"de": "Material: {text}", "en": "Materials: {text}"},
    "care": {"de": "Pflege: {text}", "en": "Care: {text}"},
    "no_info": {
        "de": "Dazu habe ich zu {product} keine Angaben. Soll ich Sie mit einem Mitarbeiter verbinden?",
        "en": "I have no information on that for {product}. Shall I put you in touch with a person?",
    },
    "stock_summary": {"de": "{product} ist {status}.", "en": "{product} is {status}."},
    "also_fits": {"de": "Passend dazu: {names}.", "en": "Goes well with it: {names}."},
    # --- policy
    "policy_unknown": {
        "de": "Dazu finde ich in unseren Richtlinien nichts. {handoff}",
        "en": "I can't find that in our store policies. {handoff}",
    },
    # --- the store's own facts (actions/store_info.py)
    "opening_hours": {
        "de": "Unsere Zeiten: {hours}. E-Mail: {email}{phone}.",
        "en": "Our hours: {hours}. E-mail: {email}{phone}.",
    },
    "payment_methods": {"de": "Bei uns können Sie so bezahlen:\n{methods}", "en": "You can pay with:\n{methods}"},
}

T.update(ORDER_TEXTS)
T.update(SIZE_TEXTS)
T.update(CHART_TEXTS)

# --- a product's own rule, catalog-aware understanding (answers-b) ---
T.update({
    "product_warranty_years": {
        "de": "Für {product} gilt eine Garantie von {years} Jahren (laut unseren Produktdaten); die gesetzliche Gewährleistung bleibt davon unberührt.",
        "en": "{product} comes with a {years}-year guarantee (according to our product data); your statutory warranty rights remain unaffected.",
    },
    "product_own_rule": {
        "de": "Zu {product} steht in der Produktbeschreibung: „{sentence}“",
        "en": "The product description of {product} says: \"{sentence}\"",
    },
    "product_return_exception": {
        "de": "{product} ist von der Rückgabe ausgeschlossen: {reason}",
        "en": "{product} cannot be returned: {reason}",
    },
})


def say(key: str, lang: str, **values: object) -> str:
    return T[key][lang].format(**values)


# Money, dates and times in the shopper's language (Babel, CLDR data; no network). English uses
# British conventions ("Fri 4 Dec", "€4.90", "14:00"), as the stores are European.
LOCALES = {"de": "de_DE", "en": "en_GB"}


def _plain(text: str) -> str:
    """CLDR puts (narrow) no-break spaces in "4,90 €"; chat text keeps plain ones (copied, compared)."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def money(amount: float, lang: str, currency: str) -> str:
    """An amount in the store's currency (ISO 4217, `store.yml` `currency`): "1.234,50 €", "€1,234.50", "4,90 CHF"."""
    return _plain(format_currency(amount, currency, locale=LOCALES[lang]))


def day(date: dt.date, lang: str) -> str:
    """Weekday, day and month: "Fr., 4. Dez.", "Fri 4 Dec"."""
    return _plain(format_skeleton("MMMEd", date, locale=LOCALES[lang]))


def clock(moment: dt.time | dt.datetime, lang: str) -> str:
    """A time of day: "14:00" in both languages (shown as the store's local time)."""
    return _plain(format_time(moment, "short", locale=LOCALES[lang]))


def join(items: list[str], lang: str) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    word = " und " if lang == "de" else " and "
    return ", ".join(items[:-1]) + word + items[-1]


def decimal(value: float, lang: str) -> str:
    """A figure as the shopper's language writes it, without trailing zeros: '55,5' / '55.5'."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "de" else text
