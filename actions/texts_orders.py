"""What the bot says in an order conversation (proof, status, returns, exchanges, cancellation),
in German (formal "Sie") and English; `actions.texts.say` reads these with the shop's sentences."""

ORDER_TEXTS: dict[str, dict[str, str]] = {
    # --- orders: proving the order
    "ask_order_number": {
        "de": "Gern helfe ich Ihnen mit Ihrer Bestellung. Wie lautet die Bestellnummer? Sie hat 6 Ziffern und steht in Ihrer Bestellbestätigung. Die E-Mail-Adresse der Bestellung oder die Postleitzahl der Lieferadresse können Sie gleich dazuschreiben.",
        "en": "Happy to help with your order. What is the order number? It has 6 digits and is in your order confirmation. You can add the order's e-mail address or the delivery postcode right away.",
    },
    "other_shop_order": {
        "de": "Bei Bestellungen aus anderen Shops kann ich leider nicht helfen: Ich sehe nur Bestellungen, die bei {store} aufgegeben wurden. Zu Ihrer Bestellung bei {shop} gibt Ihnen {shop} selbst Auskunft. Wenn es doch um eine Bestellung bei uns geht, nennen Sie mir gern die Bestellnummer (6 Ziffern).",
        "en": "I'm afraid I can't help with orders from other shops: I only see orders placed with {store}. For your order from {shop}, please contact {shop} directly. If it is an order from us after all, just tell me the order number (6 digits).",
    },
    "ask_order_number_if_ordered": {
        "de": "Wenn es um eine Ihrer Bestellungen geht: Wie lautet die Bestellnummer? Sie hat 6 Ziffern und steht in Ihrer Bestellbestätigung.",
        "en": "If it is about one of your orders: what is the order number? It has 6 digits and is in your order confirmation.",
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
