"""What the bot says about sizes, versions of a product and size charts, in German (formal "Sie")
and English; `actions.texts.say` reads these with the shop's other sentences."""

SIZE_TEXTS: dict[str, dict[str, str]] = {
    # --- sizes
    "size_alternatives": {"de": "In Größe {size} vorrätig und ähnlich: {names}.", "en": "Similar and in stock in size {size}: {names}."},
    "size_or": {"de": "{a} oder {b}", "en": "{a} or {b}"},
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
    "fit_answer_yes": {"de": "Ja.", "en": "Yes."},
    "fit_answer_no": {"de": "Nein.", "en": "No."},
    "fit_product_runs_small": {"de": "{product} fällt klein aus.", "en": "{product} runs small."},
    "fit_product_runs_large": {"de": "{product} fällt groß aus.", "en": "{product} runs large."},
    "fit_product_true_to_size": {"de": "{product} fällt normal (größengerecht) aus.", "en": "{product} is true to size."},
    "fit_product_advice": {"de": "Zur Passform von {product}: {advice}", "en": "On the fit of {product}: {advice}"},
    "fit_unknown_for": {
        "de": "Zur Passform von {product} haben wir keine Angaben; nehmen Sie am besten Ihre übliche Größe.",
        "en": "We have no fit information for {product}; your usual size is the best guide.",
    },
    "fit_offer_size": {
        "de": "Nennen Sie mir Ihre übliche Größe, dann sage ich Ihnen, welche Sie nehmen sollten.",
        "en": "Tell me the size you usually wear and I'll tell you which one to take.",
    },
    "ask_usual_size": {
        "de": "Gern! Welche Größe tragen Sie normalerweise (z. B. {example})? Dann sage ich Ihnen, welche Größe bei {product} passt.",
        "en": "Happy to help! What size do you usually wear (e.g. {example})? Then I'll tell you which size to take in {product}.",
    },
    "size_conversion_shoe": {
        "de": "Schuhgröße {system} {size} entspricht EU {eu} (UK {uk}, US {us}).",
        "en": "Shoe size {system} {size} is EU {eu} (UK {uk}, US {us}).",
    },
    "size_conversion_from_eu": {
        "de": "Schuhgröße EU {eu} entspricht UK {uk} und US {us} (Herren/Unisex).",
        "en": "Shoe size EU {eu} is UK {uk} and US {us} (men's/unisex).",
    },
    "size_conversion_unknown": {
        "de": "Für {system} {size} habe ich keine Umrechnung. Unsere Tabelle reicht von EU 35 bis 48.",
        "en": "I have no conversion for {system} {size}. Our chart covers EU 35 to 48.",
    },
    "size_conversion_kids": {
        "de": "Kinderschuhgröße {system} {size} entspricht etwa EU {eu}.",
        "en": "Children's shoe size {system} {size} is about EU {eu}.",
    },
    "size_conversion_usual": {"de": "Schuhgröße {system} {size} entspricht EU {eu}.", "en": "Shoe size {system} {size} is EU {eu}."},
    "size_conversion_from_eu_kids": {
        "de": "Kinderschuhgröße EU {eu} entspricht etwa UK {uk} und US {us} (Kindergrößen).",
        "en": "Children's shoe size EU {eu} is about UK {uk} and US {us} (children's sizes).",
    },
    "size_conversion_dress": {
        "de": "Damengröße {system} {size} entspricht deutscher Größe {eu} (EU {eu}).",
        "en": "Women's size {system} {size} is German/EU size {eu}.",
    },
    # adult fashion sizes in another system (catalog.fashion_sizes): general charts, said so
    "size_fashion_women": {
        "de": "{said} entspricht hier etwa Größe {size} (allgemeine Umrechnung; je nach Marke leicht verschieden).",
        "en": "{said} is about size {size} here (a general conversion; brands differ a little).",
    },
    "size_fashion_men": {
        "de": "Herrengröße {said} entspricht hier etwa Größe {size} (allgemeine Umrechnung: Normal-, Kurz- und Langgrößen; je nach Marke leicht verschieden).",
        "en": "Men's size {said} is about size {size} here (a general conversion of regular, short and long sizes; brands differ a little).",
    },
    "size_fashion_bare": {
        "de": "Wenn Größe {said} eine britische (UK) Größe ist, entspricht sie hier etwa Größe {size}{other} (allgemeine Umrechnung).",
        "en": "If size {said} is a UK size, it is about size {size} here{other} (a general conversion).",
    },
    "size_fashion_bare_us": {"de": "; eine US-Größe {said} wäre etwa {other}", "en": "; a US {said} would be about {other}"},
    "size_fashion_waist": {
        "de": "Bundweite {said} entspricht hier etwa Größe {size} (allgemeine Umrechnung; je nach Marke leicht verschieden).",
        "en": "A {said} waist is about size {size} here (a general conversion; brands differ a little).",
    },
    "size_fashion_collar": {
        "de": "Kragenweite {said} entspricht Größe {size} (1 Zoll = 2,54 cm).",
        "en": "A collar of {said} is size {size} here (1 inch = 2.54 cm).",
    },
    "size_fashion_bra": {
        "de": "BH-Größe {said} entspricht EU {size} (allgemeine Umrechnung; ab Cup D unterscheiden sich die Buchstaben).",
        "en": "Bra size {said} is EU {size} (a general conversion; from cup D on the letters differ).",
    },
    "size_fashion_glove": {
        "de": "Bei einem Handumfang von {said} ist Handschuhgröße {size} üblich (die Größe ist der Umfang in Zoll).",
        "en": "A hand circumference of {said} is usually glove size {size} (the size is the circumference in inches).",
    },
    "size_fashion_ring": {
        "de": "{said} entspricht Ringgröße {size} (die Ringgröße ist der Innenumfang in mm).",
        "en": "{said} is ring size {size} (the ring size is the inner circumference in mm).",
    },
    "size_fashion_hat": {
        "de": "Hutgröße {size} passt zu {said} (die Hutgröße ist der Kopfumfang in cm).",
        "en": "Hat size {size} fits {said} (the hat size is the head circumference in cm).",
    },
    "size_general_bra": {
        "de": "BH-Größe {said} entspricht EU {size} (allgemeine Umrechnung; ab Cup D unterscheiden sich die Buchstaben).",
        "en": "Bra size {said} is EU {size} (a general conversion; from cup D on the letters differ).",
    },
    "size_general_women": {
        "de": "Damengröße {said} entspricht etwa deutscher Größe {size} (allgemeine Umrechnung; je nach Marke leicht verschieden).",
        "en": "Women's size {said} is about German size {size} (a general conversion; brands differ a little).",
    },
    "size_general_men": {
        "de": "Herrengröße {said} entspricht etwa deutscher Größe {size} (allgemeine Umrechnung; Kurzgrößen sind die halbe, Langgrößen die doppelte Normalgröße + 2).",
        "en": "Men's size {said} is about German size {size} (a general conversion; short sizes are half the regular size, long sizes double plus 2).",
    },
    "size_general_collar": {
        "de": "Kragenweite {said} entspricht etwa {size} (1 Zoll = 2,54 cm).",
        "en": "A collar of {said} is about {size} (1 inch = 2.54 cm).",
    },
    "size_number_as_letter": {
        "de": "Größe {number} entspricht etwa Größe {letter}.",
        "en": "Size {number} is roughly size {letter}.",
    },
    "age_rule": {
        "de": "Als Faustregel trägt ein Kind mit {age} meist Größe {size} – genauer ist die Körpergröße, denn Kindergrößen sind die Körpergröße in cm.",
        "en": "As a rule of thumb, a child of {age} usually wears size {size} – measuring their height is more reliable, as kids' sizes are the height in cm.",
    },
    "age_months": {"de": "{n} Monaten", "en": "{n} months"},
    "age_years": {"de": "{n} Jahren", "en": "{n} years"},
    "between_rule_runs_small": {
        "de": "{product} fällt klein aus: Zwischen zwei Größen nehmen Sie die größere.",
        "en": "{product} runs small: between two sizes, take the larger one.",
    },
    "between_rule_runs_large": {
        "de": "{product} fällt groß aus: Zwischen zwei Größen nehmen Sie die kleinere.",
        "en": "{product} runs large: between two sizes, take the smaller one.",
    },
    "between_rule_general": {
        "de": "Als allgemeine Regel: Zwischen zwei Größen nehmen Sie die größere, wenn Sie Platz für eine Schicht darunter oder zum Hineinwachsen möchten, die kleinere für einen enganliegenden Sitz.",
        "en": "As a general rule: between two sizes, take the larger one for room to layer or grow into, the smaller one for a snug fit.",
    },
    "between_rule_offer": {
        "de": "Nennen Sie mir die beiden Größen, dann sage ich Ihnen, welche vorrätig ist.",
        "en": "Tell me the two sizes and I'll tell you which one is in stock.",
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
    "v_in_stock_only": {"de": "Vorrätig nur in {values}.", "en": "In stock only in {values}."},
    "v_in_stock": {"de": "Ja, {product} gibt es in {what}: vorrätig, {price}.", "en": "Yes, {product} is available in {what}: in stock, {price}."},
    "v_low_stock": {
        "de": "{product} in {what}: nur noch {count} Stück vorrätig, {price}.",
        "en": "{product} in {what}: only {count} left, {price}.",
    },
    "v_sold_out": {"de": "{product} ist in {what} leider ausverkauft.", "en": "{product} is sold out in {what}."},
    "v_not_offered": {
        "de": "{product} gibt es nicht in {what}. Angeboten: {values}.",
        "en": "No, {product} doesn't come in {what}. Offered: {values}.",
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
    "v_option_values": {"de": "{product} gibt es in {values}.", "en": "{product} comes in {values}."},
    "v_option_sold_out": {"de": "Ausverkauft: {values}.", "en": "Sold out: {values}."},
    "v_option_only": {"de": "{product} gibt es nur in {value}.", "en": "{product} comes only in {value}."},
    "measure_height": {"de": "Körpergröße", "en": "height"},
    "measure_inside_leg": {"de": "Innenbeinlänge", "en": "inside leg"},
    "measure_chest": {"de": "Brustumfang", "en": "chest"},
    "measure_length": {"de": "Länge", "en": "length"},
    "measure_waist": {"de": "Taillenumfang", "en": "waist"},
    "measure_hip": {"de": "Hüftumfang", "en": "hips"},
    "measure_head": {"de": "Kopfumfang", "en": "head circumference"},
    "measure_foot": {"de": "Fußlänge", "en": "foot length"},
    "measure_too_small": {
        "de": "Bei {amount} passt {product} laut Beschreibung noch nicht.",
        "en": "At {amount}, {product} is not a fit yet according to its description.",
    },
    "measure_too_large": {
        "de": "Bei {amount} passt {product} laut Beschreibung nicht mehr.",
        "en": "At {amount}, {product} no longer fits according to its description.",
    },
    "measure_fits": {"de": "Bei {amount} passt {product} laut Beschreibung.", "en": "At {amount}, {product} fits according to its description."},
    "size_from_foot": {
        "de": "Bei {cm} cm Fußlänge ergibt die übliche Regel (Fußlänge plus 1,5 cm Spielraum, mal 1,5) etwa EU {eu}.",
        "en": "For a foot length of {cm} cm, the usual rule (foot length plus 1.5 cm room, times 1.5) gives about EU {eu}.",
    },
    "measure_weight": {"de": "Gewicht", "en": "weight"},
    "measure_age": {"de": "Alter", "en": "age"},
    "unit_years": {"de": "{n} Jahre", "en": "{n} years"},
    "unit_months": {"de": "{n} Monate", "en": "{n} months"},
    "chart_fit": {
        "de": "Bei {measure} {cm} passt laut Größenangaben von {product}: {sizes}.",
        "en": "For a {measure} of {cm}, {product}'s size information gives: {sizes}.",
    },
    "chart_between": {
        "de": "{cm} liegt bei {product} genau zwischen {sizes}. {advice}",
        "en": "{cm} falls between {sizes} in {product}. {advice}",
    },
    "chart_take": {"de": "Ich empfehle {size}.", "en": "I recommend {size}."},
    "chart_between_default": {
        "de": "Für mehr Bewegungsfreiheit nehmen Sie die größere.",
        "en": "For more room, take the larger one.",
    },
    "chart_outside": {
        "de": "{cm} liegt außerhalb der Größenangaben von {product}; am nächsten ist {size} ({range}).",
        "en": "{cm} is outside {product}'s size information; the nearest is {size} ({range}).",
    },
    "chart_none_meant_above": {
        "de": "Für {cm} ist laut Beschreibung keine Ausführung von {product} gedacht: {option} ist nur bis {bound} angegeben.",
        "en": "{product} is not meant for {cm} in any {option}: the description only goes up to {bound}.",
    },
    "chart_none_meant_below": {
        "de": "Für {cm} ist laut Beschreibung keine Ausführung von {product} gedacht: {option} ist erst ab {bound} angegeben.",
        "en": "{product} is not meant for {cm} in any {option}: the description only starts at {bound}.",
    },
    "evidence_take": {"de": "Ich empfehle Größe {size}.", "en": "I recommend size {size}."},
    "evidence_fit": {"de": "Ich empfehle Größe {size} ({label} {amount}).", "en": "I recommend size {size} ({label} {amount})."},
    "evidence_between": {
        "de": "Mit {label} {amount} liegen Sie zwischen Größe {smaller} und Größe {larger}. Ich empfehle Größe {larger}, die größere.",
        "en": "With a {label} of {amount} you are between size {smaller} and size {larger}. I recommend size {larger}, the larger one.",
    },
    "evidence_outside": {
        "de": "{label} {amount} liegt außerhalb der Größenangaben; am nächsten ist Größe {size}.",
        "en": "A {label} of {amount} is outside the size information; the nearest is size {size}.",
    },
    "evidence_fit_all": {"de": "Ich empfehle Größe {size} ({parts}).", "en": "I recommend size {size} ({parts})."},
    "evidence_differ": {
        "de": "Ihre Maße ergeben verschiedene Größen ({parts}). Ich empfehle Größe {size}, damit alle Maße passen.",
        "en": "Your measurements give different sizes ({parts}). I recommend size {size}, so that every measurement fits.",
    },
    "evidence_combined": {"de": "Ich empfehle {choice} ({parts}).", "en": "I recommend {choice} ({parts})."},
    "evidence_size": {"de": "Größe {size}", "en": "size {size}"},
    "bra_chart_fit": {
        "de": "Nach der Größentabelle von {product}: Unterbrust {under} ergibt Band {band}, Brust minus Unterbrust ({difference}) ergibt Cup {cup}.",
        "en": "By {product}'s size chart: an underbust of {under} gives band {band}, and bust minus underbust ({difference}) gives cup {cup}.",
    },
    "bra_not_offered": {"de": "{size} gibt es bei {product} leider nicht.", "en": "{product} does not come in {size}, unfortunately."},
    "chart_source": {"de": "Laut Produktbeschreibung: „{sentence}“", "en": "The product description says: “{sentence}”"},
    "chart_none": {
        "de": "Zu {product} haben wir keine Größentabelle nach {measure}. {sizes} Wenn Sie mir Ihre übliche Größe nennen, sage ich Ihnen, welche Sie nehmen sollten. "
        "Sonst habe ich dazu keine Angaben – unser Kundenservice hilft Ihnen gern weiter.",
        "en": "We have no size chart by {measure} for {product}. {sizes} Tell me the size you usually wear and I'll tell you which one to take. "
        "Beyond that I have no information on it – our customer service will gladly help.",
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
    "formula_gives": {"de": "Bei {cm} Körpergröße ergibt das {span}.", "en": "For a height of {cm} that gives {span}."},
    "size_problem_up": {
        "de": "War Ihnen {tried} zu klein, empfehle ich bei {product} die nächstgrößere Größe: {size}.",
        "en": "As {tried} was too small, I recommend the next size up in {product}: size {size}.",
    },
    "size_problem_down": {
        "de": "War Ihnen {tried} zu groß, empfehle ich bei {product} die nächstkleinere Größe: {size}.",
        "en": "As {tried} was too big, I recommend the next size down in {product}: size {size}.",
    },
    "size_problem_sister": {
        "de": "Passt das Band von {tried} nicht, empfehle ich bei {product} die Schwestergröße {size} (gleiches Cupvolumen).",
        "en": "As the band of {tried} did not fit, I recommend the sister size {size} in {product} (the same cup volume).",
    },
    "size_problem_cup": {
        "de": "Passt der Cup von {tried} nicht, empfehle ich bei {product} Größe {size}: dasselbe Band, der nächste Cup.",
        "en": "As the cup of {tried} did not fit, I recommend size {size} in {product}: the same band, the next cup.",
    },
    "size_problem_end_up": {
        "de": "{product} gibt es nicht größer als {tried}.",
        "en": "{product} does not come in a size larger than {tried}.",
    },
    "size_problem_end_down": {
        "de": "{product} gibt es nicht kleiner als {tried}.",
        "en": "{product} does not come in a size smaller than {tried}.",
    },
    "size_not_meant": {
        "de": "Für Sie eher nicht: Laut Händler ist {product} dafür nicht gedacht – „{sentence}“",
        "en": "Probably not for you: the shop says {product} isn't meant for that – “{sentence}”",
    },
    "fit_advice_quote": {"de": "Hinweis des Händlers: „{sentence}“", "en": "The shop's advice: “{sentence}”"},
    "level_figure": {"de": "{product}: {figure} – laut Produktbeschreibung: „{sentence}“", "en": "{product}: {figure} – the product description says: “{sentence}”"},
    "text_quote": {"de": "Laut Produktbeschreibung von {product}: „{sentence}“", "en": "The description of {product} says: “{sentence}”"},
}
