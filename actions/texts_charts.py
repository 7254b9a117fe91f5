"""What the bot says about the merchant's size charts and rules, sizes sold by a measure, German
size series, size systems by a published standard and the measure of a named size, in German
(formal "Sie") and English; `actions.texts.say` reads these with the shop's other sentences."""

CHART_TEXTS: dict[str, dict[str, str]] = {
    # --- sizes from the merchant's table and rules (actions/size_chart_answer.py)
    "measure_underbust": {"de": "Unterbrustumfang", "en": "underbust"},
    "measure_hand": {"de": "Handumfang", "en": "hand circumference"},
    "measure_calf": {"de": "Wadenumfang", "en": "calf"},
    "measure_ankle": {"de": "Knöchelumfang", "en": "ankle"},
    "measure_thigh": {"de": "Oberschenkelumfang", "en": "thigh"},
    "measure_wrist": {"de": "Handgelenkumfang", "en": "wrist"},
    "measure_neck": {"de": "Halsumfang", "en": "neck"},
    "measure_frame": {"de": "Brillenbreite", "en": "frame width"},
    "size_equivalent_own": {
        "de": "Zu Größe {size} von {product} steht in der Beschreibung: „{line}“",
        "en": "For size {size} of {product}, the description says: “{line}”",
    },
    "size_row_own": {
        "de": "Laut Größentabelle von {product} passt zu {said} die Größe {size} („{row}“).",
        "en": "According to {product}'s size table, {said} takes size {size} (“{row}”).",
    },
    "measure_back": {"de": "Rückenlänge", "en": "back length"},
    "measure_body_length": {"de": "Länge von der Nase bis zum Rutenansatz", "en": "length from nose to base of tail"},
    "chart_measure_and": {"de": "{measure} {cm}", "en": "a {measure} of {cm}"},
    "v_and": {"de": "und", "en": "and"},
    "guide_chart": {
        "de": "Für diesen Artikel gilt unsere Größenberatung ({heading}).",
        "en": "For this item our store's size guide applies ({heading}).",
    },
    "guide_quote": {"de": "Aus unserer Größenberatung ({heading}): {text}", "en": "From our size guide ({heading}): {text}"},
    "guide_tall": {"de": "Bei {cm} Körpergröße empfehle ich daher {size}.", "en": "At {cm} tall I therefore recommend {size}."},
    "guide_wearer": {"de": "Für {wearer} empfehle ich daher {size}.", "en": "For {wearer} I therefore recommend {size}."},
    "size_conversion_own": {
        "de": "Laut Größentabelle von {product} entspricht {system} {size} der EU-Größe {eu}.",
        "en": "According to {product}'s own size chart, {system} {size} is EU {eu}.",
    },
    "chart_fit_all": {
        "de": "Bei {parts} passt laut Größentabelle von {product}: {sizes}.",
        "en": "For {parts}, {product}'s size chart gives: {sizes}.",
    },
    "chart_by_measure": {"de": "nach {measure} {cm}: {size}", "en": "by your {measure} ({cm}): {size}"},
    "chart_differ": {
        "de": "Ihre Maße liegen bei {product} in verschiedenen Größen – {parts}.",
        "en": "Your measurements fall into different sizes in {product} – {parts}.",
    },
    "chart_differ_default": {
        "de": "Liegen die Maße in verschiedenen Größen, nehmen Sie die größere.",
        "en": "When your measurements fall into different sizes, take the larger one.",
    },
    "chart_snug": {
        "de": "Für eine engere Passform empfehle ich daher {size}.",
        "en": "For a snugger fit I therefore recommend {size}.",
    },
    "chart_other_option": {
        "de": "Bei {measure} {cm}: {value} (laut Beschreibung: „{sentence}“).",
        "en": "For a {measure} of {cm}: {value} (the description says: “{sentence}”).",
    },
    "chart_merchant_up": {
        "de": "Deshalb empfehle ich {size}.",
        "en": "So I recommend {size}.",
    },
    "chart_roomy": {
        "de": "Für eine bequemere Passform empfehle ich daher {size}.",
        "en": "For a roomier fit I therefore recommend {size}.",
    },
    # --- a related length on a product sold by a measure (actions/size_option_measure.py)
    "option_rule": {
        "de": "Laut Produktbeschreibung von {product}: „{sentence}“ Bei {given} ergibt das {target} – ich empfehle {value}.",
        "en": "The description of {product} says: “{sentence}” For {given} that gives {target} – I recommend {value}.",
    },
    "option_paired": {
        "de": "Bei {product} gehört zu {value} laut Beschreibung {second} („{source}“), passend zu Ihren {given} – ich empfehle {value}.",
        "en": "In {product}'s description {value} goes with {second} (“{source}”), matching your {given} – I recommend {value}.",
    },
    "option_use": {
        "de": "Laut Produktbeschreibung von {product}: „{sentence}“ Ich empfehle daher {value}.",
        "en": "The description of {product} says: “{sentence}” So I recommend {value}.",
    },
    "option_nearest": {
        "de": "{given} gibt es bei {product} nicht; angeboten: {offered}. Am nächsten liegt {value}.",
        "en": "{product} does not come in {given}; offered: {offered}. The nearest is {value}.",
    },
    # --- a height and the usual size in German size series (actions/size_series_answer.py)
    "series_height": {
        "de": "Bei {cm} Körpergröße passen laut Beschreibung von {product} die {series} („{sentence}“). Ihrer Größe {usual} entspricht dort {size} – ich empfehle daher {size}.",
        "en": "At {cm} tall, {product}'s description puts you in the {series} (“{sentence}”). Your usual {usual} is {size} there – so I recommend {size}.",
    },
    "series_short": {"de": "Kurzgrößen", "en": "short sizes"},
    "series_long": {"de": "Langgrößen", "en": "long sizes"},
    "series_normal": {"de": "Normalgrößen", "en": "normal sizes"},
    # --- a size system that is a body measure by a published standard (`catalog.size_conventions`)
    "convention_size": {
        "de": "Nach der üblichen Größenumrechnung ({standard}) ergibt sich bei {basis} die Größe {size}.",
        "en": "By the standard sizing ({standard}), the size for {basis} is {size}.",
    },
    "guide_rounding": {
        "de": "Unsere Größenberatung: „{sentence}“ Aus {measured} werden so {size}.",
        "en": "Our size guide says: “{sentence}” So {measured} becomes {size}.",
    },
    "convention_basis": {"de": "{measure} {amount}", "en": "{measure} {amount}"},
    "convention_next_up": {
        "de": "Diese Größe führen wir bei {product} nicht; ich empfehle die nächstgrößere, {nearest}, denn eine kleinere reicht nicht herum.",
        "en": "{product} does not come in that size; I recommend the next one up, {nearest}, as a smaller one would not go around.",
    },
    "convention_not_offered": {
        "de": "Diese Größe führen wir bei {product} nicht; am nächsten liegt {nearest}.",
        "en": "{product} does not come in that size; the nearest is {nearest}.",
    },
    "convention_band_only": {
        "de": "Mit Ihrer Oberweite nenne ich Ihnen auch den Cup.",
        "en": "Tell me your bust measurement too and I'll name the cup.",
    },
    "standard_hat": {"de": "Hutgröße = Kopfumfang in cm", "en": "hat size = head circumference in cm"},
    "standard_ring": {"de": "Ringgröße = Innenumfang in mm", "en": "ring size = inner circumference in mm"},
    "standard_collar": {"de": "Kragenweite = Halsumfang in cm", "en": "collar size = neck circumference in cm"},
    "standard_collar_inch": {"de": "Kragenweite = Halsumfang in Zoll", "en": "collar size = neck circumference in inches"},
    "standard_glove": {
        "de": "EN ISO 21420: Handschuhgröße = Handumfang um die Handfläche in Zoll",
        "en": "EN ISO 21420: glove size = hand circumference around the palm in inches",
    },
    "standard_jeans": {"de": "W = Taillenumfang in Zoll, L = Innenbeinlänge in Zoll", "en": "W = waist in inches, L = inside leg in inches"},
    "standard_bra": {
        "de": "EN 13402: Unterbrustumfang auf 5 cm gerundet, Cup aus Oberweite minus Unterbrustumfang",
        "en": "EN 13402: underbust rounded to 5 cm, cup from bust minus underbust",
    },
    "standard_socks": {"de": "Fußlänge plus 1,5 cm, mal 1,5 = EU-Schuhgröße", "en": "foot length plus 1.5 cm, times 1.5 = EU shoe size"},
    "measure_finger": {"de": "Ring-Innenumfang", "en": "inner ring circumference"},
    "measure_finger_diameter": {"de": "Ring-Innendurchmesser", "en": "inner ring diameter"},
    # --- a measure of a named size (actions.size_value_measure)
    "size_of_text": {
        "de": "{product}, Größe {size} – {measure} laut Produktbeschreibung: „{line}“",
        "en": "The {measure} of {product} in size {size}, as the product description gives it: “{line}”",
    },
    "size_of_guide": {
        "de": "Größe {size} – {measure} laut unserer Größenberatung ({heading}): „{line}“",
        "en": "The {measure} of size {size}, as our size guide ({heading}) gives it: “{line}”",
    },
    "size_of_unknown": {
        "de": "Zu {product} in Größe {size} haben wir leider keine Angaben zum Maß „{measure}“. Soll ich Sie mit einem Mitarbeiter verbinden, der nachsehen kann?",
        "en": "We have no information on the {measure} of {product} in size {size}. Shall I put you in touch with a person who can check?",
    },
    "size_of_unknown_any": {
        "de": "Zu {product} haben wir leider keine Angaben zum Maß „{measure}“. Soll ich Sie mit einem Mitarbeiter verbinden, der nachsehen kann?",
        "en": "We have no information on the {measure} of {product}. Shall I put you in touch with a person who can check?",
    },
    "size_system_row": {
        "de": "{product}: {given} entspricht laut Größentabelle {size}. Laut Produktbeschreibung: „{line}“",
        "en": "{product}: {given} is {size} by its size chart. The product description says: “{line}”",
    },
    "size_system_wear": {
        "de": "Bei {given} empfehle ich bei {product} laut Größentabelle {size}. Laut Produktbeschreibung: „{line}“",
        "en": "For {given}, I recommend {size} in {product}, by its size chart. The product description says: “{line}”",
    },
    "size_of_chart": {
        "de": "{product}, Größe {size}: {measure} {span} laut Größentabelle. Laut Produktbeschreibung: „{line}“",
        "en": "{product}, size {size}: {measure} {span}, as the size chart gives it: “{line}”",
    },
    "size_of_hip": {"de": "Hüftumfang", "en": "hip"},
    "size_of_thigh": {"de": "Oberschenkelumfang", "en": "thigh"},
    "size_of_sleeve": {"de": "Ärmellänge", "en": "sleeve length"},
    "size_of_inner": {"de": "Innenlänge", "en": "inner length"},
    "size_of_foot": {"de": "Fußlänge", "en": "foot length"},
    "size_of_inseam": {"de": "Schrittlänge", "en": "inside leg length"},
    "size_of_head": {"de": "Kopfumfang", "en": "head circumference"},
    "size_of_chest": {"de": "Brustweite", "en": "chest"},
    "size_of_waist": {"de": "Bundweite", "en": "waist"},
    "size_of_height": {"de": "Körpergröße", "en": "height"},
    "size_of_diameter": {"de": "Durchmesser", "en": "diameter"},
    "size_of_age": {"de": "Alter", "en": "age"},
    "size_of_weight": {"de": "Gewicht", "en": "weight"},
    "size_of_width": {"de": "Breite / Weite", "en": "width"},
    "size_of_length": {"de": "Länge", "en": "length"},
    "size_of_cm": {"de": "Maß in cm", "en": "measure in cm"},
}
