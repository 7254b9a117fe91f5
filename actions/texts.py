"""Every sentence the bot says, in German (formal "Sie") and English, plus number/date formats.

Facts are never written here: templates get them from the catalog, the store config or orders.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_skeleton, format_time
from babel.numbers import format_currency

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
    # --- sizes
    "size_alternatives": {"de": "In Größe {size} vorrätig und ähnlich: {names}.", "en": "Similar and in stock in size {size}: {names}."},
    "size_recommend": {
        "de": "Wenn Sie sonst {usual} tragen, empfehle ich bei {product} Größe {size}. {why}",
        "en": "If you usually wear {usual}, I recommend size {size} in {product}. {why}",
    },
    "fit_runs_small": {"de": "Das Modell fällt klein aus.", "en": "This model runs small."},
    "fit_runs_large": {"de": "Das Modell fällt groß aus.", "en": "This model runs large."},
    "fit_true_to_size": {"de": "Das Modell fällt normal aus.", "en": "This model is true to size."},
    "fit_unknown": {
        "de": "Zur Passform haben wir keine Angaben, nehmen Sie daher Ihre übliche Größe.",
        "en": "We have no fit information for it, so take your usual size.",
    },
    "ask_usual_size": {
        "de": "Gern! Welche Größe tragen Sie normalerweise (z. B. {example})? Dann sage ich Ihnen, welche Größe bei {product} passt.",
        "en": "Happy to help! What size do you usually wear (e.g. {example})? Then I'll tell you which size to take in {product}.",
    },
    "size_conversion_shoe": {
        "de": "Schuhgröße {system} {size} entspricht EU {eu} (UK {uk}, US {us}).",
        "en": "Shoe size {system} {size} is EU {eu} (UK {uk}, US {us}).",
    },
    "size_conversion_unknown": {
        "de": "Für {system} {size} habe ich keine Umrechnung. Unsere Tabelle reicht von EU 35 bis 48.",
        "en": "I have no conversion for {system} {size}. Our chart covers EU 35 to 48.",
    },
    "size_overview": {"de": "{product}: {sizes}. {fit}", "en": "{product}: {sizes}. {fit}"},
    "no_sizes": {"de": "{product} ist ein Einheitsgrößen-Artikel.", "en": "{product} is one size."},
    "letter_to_eu": {
        "de": "Größe {letter} entspricht etwa deutscher Konfektionsgröße {men} (Herren) bzw. {women} (Damen).",
        "en": "Size {letter} is roughly German size {men} (men) or {women} (women).",
    },
    # --- the asked version of a product, size charts, quotes from the product text (answers-a)
    "v_size": {"de": "Größe {value}", "en": "size {value}"},
    "v_option": {"de": "{name} {value}", "en": "{name} {value}"},
    "v_in_stock": {"de": "Ja, {product} gibt es in {what}: vorrätig, {price}.", "en": "Yes, {product} is available in {what}: in stock, {price}."},
    "v_low_stock": {
        "de": "{product} in {what}: nur noch {count} Stück vorrätig, {price}.",
        "en": "{product} in {what}: only {count} left, {price}.",
    },
    "v_sold_out": {"de": "{product} ist in {what} leider ausverkauft.", "en": "{product} is sold out in {what}."},
    "v_not_offered": {
        "de": "{product} gibt es nicht in {what}. Angeboten: {values}.",
        "en": "{product} doesn't come in {what}. Offered: {values}.",
    },
    "v_combination_not_offered": {
        "de": "{product} gibt es nicht in {what} (diese Kombination wird nicht angeboten).",
        "en": "{product} doesn't come in {what} (that combination isn't offered).",
    },
    "v_alternatives": {"de": "Vorrätig{keeping}: {values}.", "en": "In stock{keeping}: {values}."},
    "v_no_alternatives": {"de": "Andere Varianten sind derzeit nicht vorrätig.", "en": "No other version is in stock right now."},
    "v_all_sold_out": {
        "de": "{product} ist derzeit in allen Varianten ausverkauft.",
        "en": "{product} is currently sold out in every version.",
    },
    "v_or": {"de": "oder", "en": "or"},
    "measure_height": {"de": "Körpergröße", "en": "height"},
    "measure_inside_leg": {"de": "Innenbeinlänge", "en": "inside leg"},
    "measure_chest": {"de": "Brustumfang", "en": "chest"},
    "measure_waist": {"de": "Taillenumfang", "en": "waist"},
    "measure_hip": {"de": "Hüftumfang", "en": "hips"},
    "measure_head": {"de": "Kopfumfang", "en": "head circumference"},
    "measure_foot": {"de": "Fußlänge", "en": "foot length"},
    "chart_fit": {
        "de": "Bei {measure} {cm} cm passt laut Größenangaben von {product}: {sizes}.",
        "en": "For a {measure} of {cm} cm, {product}'s size information gives: {sizes}.",
    },
    "chart_between": {
        "de": "{cm} cm liegt bei {product} genau zwischen {sizes}. {advice}",
        "en": "{cm} cm falls between {sizes} in {product}. {advice}",
    },
    "chart_between_default": {
        "de": "Für mehr Bewegungsfreiheit nehmen Sie die größere.",
        "en": "For more room, take the larger one.",
    },
    "chart_outside": {
        "de": "{cm} cm liegt außerhalb der Größenangaben von {product}; am nächsten ist {size} ({range}).",
        "en": "{cm} cm is outside {product}'s size information; the nearest is {size} ({range}).",
    },
    "chart_source": {"de": "Laut Produktbeschreibung: „{sentence}“", "en": "The product description says: “{sentence}”"},
    "chart_none": {
        "de": "Zu {product} haben wir keine Größentabelle nach {measure}. {sizes} Wenn Sie mir Ihre übliche Größe nennen, sage ich Ihnen, welche Sie nehmen sollten.",
        "en": "We have no size chart by {measure} for {product}. {sizes} Tell me the size you usually wear and I'll tell you which one to take.",
    },
    "v_option_in_stock": {"de": "{name} vorrätig", "en": "{name} in stock"},
    "size_between": {
        "de": "Zwischen {a} und {b}: Bei {product} empfehle ich Größe {size}. {why}",
        "en": "Between {a} and {b}: in {product} I recommend size {size}. {why}",
    },
    "size_between_advice": {"de": "Zwischen {a} und {b} bei {product}: {advice}", "en": "Between {a} and {b} in {product}: {advice}"},
    "size_advice_only": {
        "de": "Sie tragen sonst {usual}. Zur Passform von {product}: {advice}",
        "en": "You usually wear {usual}. On the fit of {product}: {advice}",
    },
    "fit_advice_quote": {"de": "Hinweis des Händlers: „{sentence}“", "en": "The shop's advice: “{sentence}”"},
    "text_quote": {"de": "Laut Produktbeschreibung von {product}: „{sentence}“", "en": "The description of {product} says: “{sentence}”"},
    # --- shipping
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
        "en": "Sorry, we don't ship to {country}. We ship to: {zones}.",
    },
    "ship_ask_country": {"de": "In welches Land soll geliefert werden? Wir liefern nach: {zones}.", "en": "Which country should it go to? We ship to: {zones}."},
    "free": {"de": "kostenlos", "en": "free"},
    # --- fit
    "fit_yes": {"de": "Ja: {fact}", "en": "Yes: {fact}"},
    "fit_no": {"de": "Eher nicht: {fact}", "en": "Probably not: {fact}"},
    "fit_partly": {"de": "Bedingt: {fact}", "en": "Partly: {fact}"},
    "fit_from_text": {"de": "Laut Produktbeschreibung: „{sentence}“", "en": "The product description says: “{sentence}”"},
    "fit_unknown_product": {
        "de": "Dazu steht in unseren Produktdaten zu {product} leider nichts. Soll ich Sie mit einem Mitarbeiter verbinden, der nachsehen kann?",
        "en": "Our product data for {product} doesn't say. Shall I put you in touch with a person who can check?",
    },
    # --- compare
    "compare_need_two": {
        "de": "Welche zwei Produkte soll ich vergleichen? Nennen Sie die Namen oder lassen Sie sich zuerst Produkte zeigen.",
        "en": "Which two products shall I compare? Name them, or let me show you some products first.",
    },
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
    # --- orders: proving the order
    "ask_order_number": {
        "de": "Gern helfe ich Ihnen mit Ihrer Bestellung. Wie lautet die Bestellnummer? Sie hat 6 Ziffern und steht in Ihrer Bestellbestätigung. Die E-Mail-Adresse der Bestellung oder die Postleitzahl der Lieferadresse können Sie gleich dazuschreiben.",
        "en": "Happy to help with your order. What is the order number? It has 6 digits and is in your order confirmation. You can add the order's e-mail address or the delivery postcode right away.",
    },
    "ask_order_number_again": {"de": "Wie lautet die Bestellnummer (6 Ziffern)?", "en": "What is the order number (6 digits)?"},
    "ask_order_contact": {
        "de": "Danke. Damit ich sicher bin, dass es Ihre Bestellung ist: Wie lautet die E-Mail-Adresse der Bestellung oder die Postleitzahl der Lieferadresse?",
        "en": "Thank you. To make sure it's your order: what is the e-mail address you ordered with, or the postcode of the delivery address?",
    },
    "bad_number_length": {
        "de": "Eine Bestellnummer hat genau 6 Ziffern – Ihre Angabe hat {digits}. Bitte prüfen Sie die Nummer in Ihrer Bestellbestätigung.",
        "en": "An order number has exactly 6 digits – yours has {digits}. Please check the number in your order confirmation.",
    },
    "bad_number_missing": {
        "de": "Darin finde ich keine Bestellnummer. Sie besteht aus 6 Ziffern, z. B. 123456.",
        "en": "I can't find an order number in that. It consists of 6 digits, e.g. 123456.",
    },
    "bad_email": {
        "de": "Das ist keine vollständige E-Mail-Adresse (Form: name@beispiel.de). Bitte prüfen Sie die Schreibweise – oder nennen Sie mir die Postleitzahl der Lieferadresse.",
        "en": "That isn't a complete e-mail address (form: name@example.com). Please check the spelling – or give me the postcode of the delivery address.",
    },
    "bad_contact_missing": {
        "de": "Ich brauche die E-Mail-Adresse der Bestellung oder die Postleitzahl der Lieferadresse (z. B. 10115, 1010, SW1A 1AA).",
        "en": "I need the order's e-mail address or the postcode of the delivery address (e.g. 10115, 1010, SW1A 1AA).",
    },
    "verify_failed": {
        "de": "Zu dieser Bestellnummer mit dieser E-Mail-Adresse bzw. Postleitzahl finde ich keine Bestellung. Bitte prüfen Sie beide Angaben (noch {left} Versuch(e)).",
        "en": "I can't find an order with this order number and e-mail address or postcode. Please check both ({left} attempt(s) left).",
    },
    "locked": {
        "de": "Aus Sicherheitsgründen kann ich nach {count} erfolglosen Versuchen bis {time} Uhr keine Bestellung mehr prüfen. Unser Kundenservice hilft Ihnen gern weiter: {handoff}",
        "en": "For security reasons I can't look up orders until {time} after {count} unsuccessful attempts. Our customer service will be glad to help: {handoff}",
    },
    "order_stopped": {"de": "In Ordnung, ich habe das abgebrochen. Wobei kann ich sonst helfen?", "en": "All right, I've stopped that. What else can I help with?"},
    # --- orders: status
    "status_received": {"de": "ist eingegangen", "en": "has been received"},
    "status_paid": {"de": "ist bezahlt und wird für den Versand vorbereitet", "en": "is paid and being prepared for shipping"},
    "status_packed": {"de": "ist gepackt und wartet auf die Abholung durch den Paketdienst", "en": "is packed and waiting for the carrier"},
    "status_shipped": {"de": "ist unterwegs", "en": "is on its way"},
    "status_out_for_delivery": {"de": "ist heute in der Zustellung", "en": "is out for delivery today"},
    "status_delivered": {"de": "wurde zugestellt", "en": "has been delivered"},
    "status_cancelled": {"de": "ist storniert", "en": "has been cancelled"},
    "status_returned": {"de": "wurde zurückgesendet", "en": "has been returned"},
    "order_head": {"de": "Ihre Bestellung {number} vom {date} {status}.", "en": "Your order {number} of {date} {status}."},
    "order_items": {"de": "Inhalt: {items} – gesamt {total}.", "en": "Contents: {items} – total {total}."},
    "order_tracking": {"de": "Versand mit {carrier}, Sendungsnummer {tracking}: {url}", "en": "Shipped with {carrier}, tracking number {tracking}: {url}"},
    "order_tracking_no_url": {"de": "Versand mit {carrier}, Sendungsnummer {tracking}.", "en": "Shipped with {carrier}, tracking number {tracking}."},
    "order_window": {"de": "Voraussichtliche Zustellung: {window}.", "en": "Expected delivery: {window}."},
    "order_window_dispatch": {
        "de": "Voraussichtlicher Versand am {ship}, Zustellung dann {window}.",
        "en": "Expected dispatch on {ship}, delivery then {window}.",
    },
    "order_delivered_on": {"de": "Zugestellt am {date}.", "en": "Delivered on {date}."},
    "order_return_until": {"de": "Rücksendungen sind bis {date} möglich.", "en": "Returns are possible until {date}."},
    "order_others": {
        "de": "Unter Ihrer E-Mail-Adresse gibt es weitere Bestellungen. Zu welcher möchten Sie etwas wissen?",
        "en": "There are more orders under your e-mail address. Which one would you like to know about?",
    },
    "order_pick": {"de": "{number} vom {date} ({status})", "en": "{number} of {date} ({status})"},
    "order_complements": {"de": "Passend zu Ihrer Bestellung: {names}.", "en": "Goes well with your order: {names}."},
    "order_review": {
        "de": "Wie gefällt Ihnen {product}? Über eine kurze Bewertung freuen wir uns: {url}",
        "en": "How do you like {product}? We'd love a short review: {url}",
    },
    "locked_address": {
        "de": "Aus Sicherheitsgründen kann ich bis {time} Uhr keine Bestellung mehr prüfen: Von Ihrem Anschluss aus gab es zu viele erfolglose Versuche. Unser Kundenservice hilft Ihnen gern weiter: {handoff}",
        "en": "For security reasons I can't look up orders until {time}: there were too many unsuccessful attempts from your connection. Our customer service will be glad to help: {handoff}",
    },
    "ask_order_email": {
        "de": "Aus Sicherheitsgründen nehme ich für diese Bestellung gerade keine Postleitzahl an. Bitte nennen Sie mir die E-Mail-Adresse, mit der bestellt wurde.",
        "en": "For security reasons I can't accept a postcode for this order at the moment. Please give me the e-mail address the order was placed with.",
    },
    "order_unverified": {
        "de": "Ich konnte die Bestellung nicht bestätigen. Nennen Sie mir bitte Bestellnummer und E-Mail-Adresse oder Postleitzahl.",
        "en": "I couldn't confirm the order. Please give me the order number and the e-mail address or postcode.",
    },
    # --- orders: items and eligibility
    "item_line": {"de": "{n}. {qty}× {title}{variant}", "en": "{n}. {qty}× {title}{variant}"},
    "item_ok_until": {"de": "zurückgeben bis {date}", "en": "returnable until {date}"},
    "why_not_delivered": {
        "de": "noch nicht zugestellt – nach der Zustellung können Sie es zurückschicken",
        "en": "not delivered yet – you can return it once it has arrived",
    },
    "why_window_closed": {"de": "Rückgabefrist am {date} abgelaufen ({days} Tage ab Zustellung)", "en": "the return window closed on {date} ({days} days from delivery)"},
    "why_already_returned": {"de": "bereits zurückgegeben oder umgetauscht", "en": "already returned or exchanged"},
    "why_no_variants": {"de": "gibt es nur in dieser einen Ausführung", "en": "only comes in this one version"},
    "ask_return_items": {
        "de": "Welche Artikel aus Bestellung {number} möchten Sie zurückschicken? Nennen Sie die Nummer oder den Namen.",
        "en": "Which items from order {number} would you like to return? Give me the number or the name.",
    },
    "all_items": {"de": "Alle", "en": "All"},
    "items_unclear": {
        "de": "Welchen Artikel meinen Sie? Bitte nennen Sie die Nummer aus der Liste oder den Namen.",
        "en": "Which item do you mean? Please give the number from the list or the name.",
    },
    "items_not_eligible": {"de": "{title}: {why}.", "en": "{title}: {why}."},
    "nothing_returnable": {
        "de": "Aus Bestellung {number} kann ich leider nichts zurücknehmen:",
        "en": "Unfortunately nothing from order {number} can be returned:",
    },
    "ask_return_reason": {
        "de": "Warum möchten Sie {items} zurückschicken? Wählen Sie einen Grund oder schreiben Sie ihn mir.",
        "en": "Why are you returning {items}? Pick a reason or tell me in your own words.",
    },
    "reason_too_small": {"de": "Zu klein", "en": "Too small"},
    "reason_too_large": {"de": "Zu groß", "en": "Too large"},
    "reason_not_as_described": {"de": "Nicht wie beschrieben", "en": "Not as described"},
    "reason_damaged": {"de": "Beschädigt", "en": "Damaged"},
    "reason_wrong_item": {"de": "Falscher Artikel", "en": "Wrong item"},
    "reason_changed_mind": {"de": "Gefällt mir nicht", "en": "Changed my mind"},
    "reason_other": {"de": "Anderer Grund", "en": "Other reason"},
    "ask_return_confirm": {
        "de": "Zusammenfassung: Rücksendung von {items} aus Bestellung {number}, Grund: {reason}. Erstattung: {amount}. {method} Soll ich die Rücksendung anlegen?",
        "en": "Summary: return {items} from order {number}, reason: {reason}. Refund: {amount}. {method} Shall I create the return?",
    },
    "yes_do_it": {"de": "Ja, bitte", "en": "Yes, please"},
    "no_thanks": {"de": "Nein, danke", "en": "No, thanks"},
    "yes_or_no": {"de": "Bitte antworten Sie mit Ja oder Nein.", "en": "Please answer yes or no."},
    "return_done": {
        "de": "Ihre Rücksendung ist angelegt: {rma}. Ihr kostenloses Rücksendeetikett: {label}\nBitte schicken Sie {items} an: {address}.\nErstattung: {amount}. {method} Das Geld erhalten Sie spätestens {days} Tage nach Eingang der Rücksendung.",
        "en": "Your return is registered: {rma}. Your free return label: {label}\nPlease send {items} to: {address}.\nRefund: {amount}. {method} You will get the money at the latest {days} days after the return arrives.",
    },
    "return_done_paid": {
        "de": "Ihre Rücksendung ist angelegt: {rma}. Ihr Rücksendeetikett: {label} (die Rücksendekosten von {cost} ziehen wir von der Erstattung ab).\nBitte schicken Sie {items} an: {address}.\nErstattung: {amount}. {method} Das Geld erhalten Sie spätestens {days} Tage nach Eingang der Rücksendung.",
        "en": "Your return is registered: {rma}. Your return label: {label} (the return cost of {cost} is deducted from the refund).\nPlease send {items} to: {address}.\nRefund: {amount}. {method} You will get the money at the latest {days} days after the return arrives.",
    },
    "return_declined": {"de": "Gut, ich habe keine Rücksendung angelegt. Kann ich sonst helfen?", "en": "All right, I haven't created a return. Anything else I can help with?"},
    "order_error_not_returnable": {"de": "Das kann leider nicht zurückgegeben werden.", "en": "Unfortunately that can't be returned."},
    "order_error_already_returned": {"de": "Dieser Artikel wurde bereits zurückgegeben.", "en": "This item has already been returned."},
    "order_error_out_of_stock": {
        "de": "Die gewünschte Ausführung ist gerade ausverkauft, deshalb konnte ich nichts reservieren.",
        "en": "The version you want has just sold out, so I couldn't reserve it.",
    },
    "order_error_not_cancellable": {"de": "Die Bestellung kann nicht mehr storniert werden.", "en": "The order can no longer be cancelled."},
    "order_error_other": {
        "de": "Das hat leider nicht geklappt, es wurde nichts geändert. {handoff}",
        "en": "Sorry, that didn't work and nothing was changed. {handoff}",
    },
    # --- orders: exchange
    "ask_exchange_item": {
        "de": "Welchen Artikel aus Bestellung {number} möchten Sie umtauschen?",
        "en": "Which item from order {number} would you like to exchange?",
    },
    "exchange_one_at_a_time": {
        "de": "Ich tausche einen Artikel nach dem anderen um. Mit welchem fangen wir an?",
        "en": "I exchange one item at a time. Which one shall we start with?",
    },
    "nothing_exchangeable": {
        "de": "Aus Bestellung {number} kann ich leider nichts umtauschen:",
        "en": "Unfortunately nothing from order {number} can be exchanged:",
    },
    "ask_exchange_variant": {
        "de": "Welche Größe oder Farbe möchten Sie statt {item}? Vorrätig: {options}.",
        "en": "Which size or colour would you like instead of {item}? In stock: {options}.",
    },
    "ask_exchange_variant_none": {
        "de": "Welche Größe oder Farbe möchten Sie statt {item}? Leider ist gerade keine andere Ausführung vorrätig – ich kann Ihnen stattdessen die Erstattung anbieten.",
        "en": "Which size or colour would you like instead of {item}? Unfortunately no other version is in stock right now – I can offer you a refund instead.",
    },
    "variant_unclear": {"de": "Welche Größe oder Farbe hätten Sie gern? {offered}", "en": "Which size or colour would you like? {offered}"},
    "variant_not_offered": {"de": "{product} gibt es nicht in {wanted}. {offered}", "en": "{product} doesn't come in {wanted}. {offered}"},
    "variant_offered": {"de": "Angeboten: Größen {sizes}; Farben {colors}.", "en": "Available: sizes {sizes}; colours {colors}."},
    "variant_same": {"de": "Das ist genau die Ausführung, die Sie schon haben. Welche möchten Sie stattdessen?", "en": "That's exactly the version you already have. Which one would you like instead?"},
    "variant_sold_out": {"de": "{product} in {wanted} ist leider ausverkauft.", "en": "{product} in {wanted} is sold out."},
    "variant_alternatives": {"de": "Vorrätig sind: {options}.", "en": "In stock: {options}."},
    "variant_similar": {"de": "Ähnlich und in {size} vorrätig: {names}.", "en": "Similar and in stock in {size}: {names}."},
    "variant_refund_offer": {"de": "Oder möchten Sie den Artikel zurückgeben und das Geld erstattet bekommen?", "en": "Or would you like to return it and get a refund?"},
    "refund_instead": {"de": "Lieber erstatten", "en": "Refund instead"},
    "ask_exchange_confirm": {
        "de": "Zusammenfassung: {item} aus Bestellung {number} umtauschen – {old} gegen {new}. Ich reserviere den Ersatz sofort für Sie. Soll ich den Umtausch anlegen?",
        "en": "Summary: exchange {item} from order {number} – {old} for {new}. I'll reserve the replacement for you right away. Shall I create the exchange?",
    },
    "exchange_done": {
        "de": "Der Umtausch ist angelegt: {reference}. {product} in {new} ist für Sie reserviert. Ihr Rücksendeetikett: {label}\nBitte schicken Sie {item} ({old}) an: {address}.",
        "en": "The exchange is registered: {reference}. {product} in {new} is reserved for you. Your return label: {label}\nPlease send {item} ({old}) to: {address}.",
    },
    "exchange_declined": {"de": "Gut, ich habe nichts umgetauscht. Kann ich sonst helfen?", "en": "All right, nothing has been exchanged. Anything else I can help with?"},
    "size_word": {"de": "Größe {size}", "en": "size {size}"},
    "variant_label": {"de": "Größe {size} in {color}", "en": "size {size} in {color}"},
    # --- orders: cancel
    "ask_cancel_confirm": {
        "de": "Bestellung {number} vom {date} ({items}, gesamt {total}) {status}. Soll ich sie stornieren?",
        "en": "Order {number} of {date} ({items}, total {total}) {status}. Shall I cancel it?",
    },
    "cancel_done": {
        "de": "Ihre Bestellung {number} ist storniert. {method}",
        "en": "Your order {number} is cancelled. {method}",
    },
    "cancel_declined": {"de": "Gut, Ihre Bestellung {number} bleibt bestehen.", "en": "All right, your order {number} stays as it is."},
    "cancel_shipped": {
        "de": "Ihre Bestellung {number} wurde am {date} mit {carrier} verschickt und kann daher nicht mehr storniert werden. Nach der Zustellung können Sie sie innerhalb von {days} Tagen zurückschicken – das lege ich Ihnen gern an, sobald das Paket da ist.",
        "en": "Your order {number} was shipped on {date} with {carrier}, so it can no longer be cancelled. Once it has arrived you can return it within {days} days – I'll be happy to set that up as soon as the parcel is there.",
    },
    "cancel_delivered": {
        "de": "Ihre Bestellung {number} wurde bereits am {date} zugestellt und kann nicht mehr storniert werden. Möchten Sie sie stattdessen zurückschicken?",
        "en": "Your order {number} was already delivered on {date} and can no longer be cancelled. Would you like to return it instead?",
    },
    "cancel_already": {"de": "Ihre Bestellung {number} {status}.", "en": "Your order {number} {status}."},
    "return_instead": {"de": "Ja, zurückschicken", "en": "Yes, return it"},
}


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
