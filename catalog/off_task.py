"""Messages that ask the bot to do a task or give information no shop gives, even when they name
something the shop sells: write a poem about toasters, today's weather or avalanche danger on a
mountain, book a ski instructor. A product word in them must not turn them into a search; they
get the polite refusal (which offers a person).

Three shapes, each read from how people ask, never from one catalog:

- a text to be written: a write / compose verb with a kind of text ("Schreib mir ein Gedicht über
  Berge", "write me a poem about toasters", "compose a song");
- current conditions or a forecast: weather, snow or avalanche conditions asked for a day or for
  now ("Wie wird das Wetter morgen?", "avalanche danger level today", "Lawinenlage aktuell"), or a
  forecast / report by name; a product for a kind of weather ("Jacke für Regenwetter",
  "all-weather tyres", "Ausrüstung für Lawinengefahr") is not asked for a day and stays a search;
- a person or a place to be booked: an instructor, guide, lesson, course, table, flight, hotel
  or taxi ("Can you book me a ski instructor?", "Buchen Sie mir einen Bergführer");
- a tradesperson or professional to be recommended or found ("Can you recommend a good
  electrician in town?", "Kennen Sie einen guten Tierarzt?"): a shop sells no services of
  others; "Welche Hose empfehlen Sie für einen Elektriker?" asks for a product and stays a search;
- who won or how a competition stands ("Who won the league last season?", "Wer hat gestern das
  Spiel gewonnen?", "Ergebnis des Rennens"): a shop sells no results; "Which helmet won the test?"
  asks which product and stays a search;
- a recipe, a translation, when the next concert or match is, what a ticket or a ski pass costs
  ("recipe for Stollen", "translate 'good morning' into Japanese", "Wann spielt … das nächste
  Konzert?", "Wie viel kostet ein Tagesskipass?"): "a cake tin for Stollen" or "shoes for the
  next race" name no such task and stay a search.
"""

from __future__ import annotations

import re

_W = r"(?<![^\W\d_])"  # a word starts here (letters only; "Gedichtband" is no "Gedicht")
_E = r"(?![^\W\d_])"  # a word ends here

_TEXT_KIND = (
    r"gedicht\w*|reim\w*|verse?|geschichte|märchen|lied|song|liedtext|songtext|aufsatz|essay|haiku|limerick"
    r"|rap|witz|poem|poetry|story|stories|lyrics|rhyme|tale|joke|speech|rede"
)
_WRITE = r"schreib\w*|dichte|dichten|dichtet|verfass\w*|reim\w*|komponier\w*|erzähl\w*|write|compose|draft|tell|make up|come up with"
_WRITING = re.compile(rf"{_W}(?:{_WRITE}){_E}(?:\W+\w+){{0,4}}?\W+(?:{_TEXT_KIND}){_E}", re.I)

_CONDITION = (
    r"wetter|wetterlage|schneelage|schneehöhe|lawinengefahr|lawinenlage|lawinenwarnstufe|lawinenstufe"
    r"|weather|snow conditions|snow depth|avalanche (?:danger|risk|warning|conditions|level)"
)
_WHEN = (
    r"heute|morgen|übermorgen|gerade|aktuell\w*|jetzt|derzeit|momentan|am wochenende|diese woche|nächste woche"
    r"|am (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|stufe|"
    r"today|tomorrow|tonight|right now|now|currently|current|at the moment|this (?:weekend|week)|next week"
    r"|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|level"
)
_CONDITIONS_NOW = re.compile(
    rf"{_W}(?:{_CONDITION}){_E}.*?{_W}(?:{_WHEN}){_E}|{_W}(?:{_WHEN}){_E}.*?{_W}(?:{_CONDITION}){_E}",
    re.I,
)
# the weather as what a product is for ("Jacke für das Wetter heute") is a search
_FOR_CONDITION = re.compile(
    rf"{_W}(?:für|for|bei|gegen|against|in)\W+(?:\w+\W+){{0,2}}?(?:{_CONDITION}){_E}", re.I
)
_FORECAST = re.compile(
    rf"{_W}(?:wie (?:wird|ist) das wetter|wettervorhersage|wetterbericht|wetterprognose|lawinenbericht|lawinenlagebericht"
    rf"|schneebericht|(?:what's|what is|how's|how is|what will) the weather|weather (?:forecast|report)"
    rf"|avalanche (?:forecast|report|bulletin)|snow report){_E}",
    re.I,
)

# "buchen", never the noun "Buch"; English "book" only as a verb: "book (me) a …"
_BOOK = r"buchen|buche|bucht|gebucht|reservier\w*|(?:book|reserve|schedule|arrange)(?:\W+(?:me|us|for me))?\W+(?:a|an|the|some|my)"
_SERVICE = (
    r"\w*lehrer\w*|bergführer\w*|\w*führung|guide|kurs\w*|unterricht|trainer\w*|tisch|flug|flüge|hotel\w*|taxi"
    r"|\w*instructor\w*|teacher|lessons?|course|class(?:es)?|tour|coach|table|flights?|taxi|cab"
)
_BOOKING = re.compile(
    rf"{_W}(?:{_BOOK}){_E}(?:\W+\w+){{0,4}}?\W+(?:{_SERVICE}){_E}|{_W}(?:{_SERVICE}){_E}(?:\W+\w+){{0,3}}?\W+(?:buchen|reservieren){_E}"
    rf"|{_W}(?:call|order|get)(?:\W+(?:me|us))?\W+(?:a|an)\W+(?:taxi|cab){_E}|{_W}(?:taxi|taxis)(?![\w-])(?:\W+\w+){{0,3}}?\W+(?:bestellen|rufen){_E}",
    re.I,
)


# "who won …", "wer hat … gewonnen": asked of a person or team, never "which product"
_WINNER = re.compile(
    rf"{_W}(?:who|wer){_E}(?:\W+\w+){{0,4}}?\W+(?:won|wins|win|winning|gewonnen|gewinnt|gewann|gewinnen|siegte){_E}", re.I
)
_COMPETITION = (
    r"spiel\w*|match\w*|game|games|\w*liga|league|derby|finale?|finals|rennen\w*|races?|cup|pokal\w*|meisterschaft\w*"
    r"|championship\w*|tournament|turnier\w*|wm|em|world cup|olympi\w*|grand prix|saison|season"
)
# "Ergebnis des Spiels", "score of last night's game": the result of one, only function words between
# ("die besten Ergebnisse im Rennen" with these shoes stays a search)
_OF = r"des|der|dem|vom|von|of|from|the|last|letzten?|gestrigen|heutigen|yesterday's|today's|tonight's|night's|gestern|yesterday"
_RESULT = re.compile(
    rf"{_W}(?:ergebnis|ergebnisse|endstand|spielstand|zwischenstand|tabellenstand|score|scores|result|results|standings)"
    rf"(?:\W+(?:{_OF})){{1,3}}\W+(?:{_COMPETITION}){_E}",
    re.I,
)

# a person of a trade or profession asked for directly after the verb ("recommend a good
# electrician", not "recommend trousers for an electrician" nor "an electrician's helmet")
_RECOMMEND = (
    r"recommend|suggest|know|find me|empfiehl|empfehlen sie(?: mir)?|empfehlt ihr|kennen sie|kennst du|kennt ihr"
    r"|vermitteln sie(?: mir)?|nennen sie mir"
)
_PROFESSIONAL = (
    r"elektriker\w*|klempner\w*|installateur\w*|handwerker\w*|dachdecker\w*|schreiner\w*|tischler\w*|\w*arzt|\w*ärztin"
    r"|anwalt|anwältin|rechtsanwalt|steuerberater\w*|friseur\w*|mechaniker\w*|hufschmied\w*|hebamme|babysitter"
    r"|electrician|plumber|tradesman|tradesperson|builder|roofer|carpenter|joiner|doctor|dentist|vet|veterinarian|lawyer"
    r"|accountant|hairdresser|mechanic|farrier|midwife|babysitter|therapist"
    r"|\w*restaurant|restaurants|café|cafe|kneipe|gaststätte|hotel|hotels|pension|unterkunft|accommodation"  # a place to eat or stay
)
_ARTICLE = r"(?:a|an|any|some|einen|eine|ein|nen)\W+(?:(?:good|nice|reliable|local|cheap|guten|gute|gutes|nettes|zuverlässigen|günstigen)\W+)?"
_PROFESSIONAL_WANTED = re.compile(
    rf"{_W}(?:{_RECOMMEND})\W+(?:me\W+|uns\W+)?{_ARTICLE}(?:{_PROFESSIONAL})(?=\W*$|\W*[?.!,]|\s+(?:in|near|nearby|around|im|in der|bei|aus|for me|für mich)\b)"
    rf"|(?<!für )(?<!for ){_W}(?:einen|eine|ein)\W+(?:(?:guten|gute|gutes|nettes|zuverlässigen|günstigen)\W+)?(?:{_PROFESSIONAL})(?![\w'’-])"
    rf"(?:\W+(?!(?:eine[nm]?|ein|für)\b)\w+){{0,4}}?\W+(?:empfehlen|vermitteln|nennen)\b",
    re.I,
)


# a recipe or how to cook a dish ("recipe for Dresdner Stollen", "Rezept für Apfelstrudel", "wie backe ich …")
_RECIPE = re.compile(
    rf"{_W}(?:rezept|rezepte|recipe|recipes)(?![\w-])(?!\W+books?\b)\W+(?:\w+\W+){{0,2}}?(?:für|fuer|for|of|zu|zum|zur)\b|{_W}(?:wie|how)\W+(?:backe|koche|brate|bake|cook|do i bake|do i cook|to bake|to cook)\b",
    re.I,
)
# a translation ("translate 'good morning' into Japanese", "Was heißt Danke auf Japanisch?")
_TRANSLATION = re.compile(
    rf"{_W}(?:translate|übersetz|übersetze|übersetzen|übersetzt)(?![\w-]).*?\b(?:into|in|to|ins|auf)\W+[a-zäöü]+"
    rf"|{_W}(?:was|wie)\W+(?:heißt|heisst|sagt man)\b.*?\bauf\W+[a-zäöü]+isch\b|{_W}how (?:do you|to|would you) say\b.*?\bin\W+[a-z]+(?:ese|ish|ian|ic|ch|an)\b",
    re.I,
)
# when the next performance or match is ("Wann spielt … das nächste Konzert?", "when is the next game"),
# a ticket's or an admission's price ("Wie viel kostet ein Tagesskipass?", "price of a lift ticket")
_EVENT = r"konzert\w*|spiel|match|game|auftritt|vorstellung|aufführung|show|concert|gig|performance|rennen|race|heimspiel"
_NEXT_EVENT = re.compile(rf"{_W}(?:wann|when)\b.*?\b(?:nächste[nmrs]?|naechste[nmrs]?|next)\W+(?:\w+\W+)?(?:{_EVENT}){_E}", re.I)
_ADMISSION = (
    r"(?:\w*skipass|\w*liftpass|\w*liftkarte|(?:ski|lift|day|season)\W+(?:pass|ticket)|eintritt|eintrittskarte|\w*ticket|konzertkarte|admission)"
    r"(?:e|en|es|s)?(?![\w-])(?!\W+(?:holder|pocket|case|wallet|lanyard|sleeve|clip|halter|hülle|tasche|etui))"
)  # the pass itself, not the holder a shop sells for it ("Skipasshülle", "ski pass pocket")
_PRICE = r"kostet|kosten|preis\w*|price|cost|costs|how much"
_ADMISSION_PRICE = re.compile(rf"{_W}(?:{_PRICE}){_E}.*?{_W}{_ADMISSION}|{_W}{_ADMISSION}.*?{_W}(?:{_PRICE}){_E}", re.I)
# a journey's fare: a flight or train ride to or from a place ("What does a flight to Tokyo cost?",
# "Was kostet ein Flug nach Tokio?"); "flight case" or "Zugfahrt-Kissen" name no journey
_JOURNEY = r"(?:flug|flüge|flight|flights|zugfahrt|bahnfahrt|zugticket|bahnticket|train ride|train ticket)\W+(?:nach|to|von|from)\b"
_FARE = re.compile(rf"{_W}(?:{_PRICE}){_E}.*?{_W}{_JOURNEY}|{_W}{_JOURNEY}.*?{_W}(?:{_PRICE}){_E}", re.I)
# the journey as what a product is for ("Kopfhörer für den Flug nach New York – was kosten die?")
_FOR_JOURNEY = re.compile(rf"{_W}(?:für|for|on|auf|während|during|beim)\W+(?:\w+\W+)?{_JOURNEY}", re.I)
# school work to be done ("Help me with my physics homework", "Hilf mir bei den Hausaufgaben")
_HOMEWORK = re.compile(rf"{_W}(?:homework|hausaufgabe|hausaufgaben|schulaufgabe\w*){_E}", re.I)


def asks_other_task(text: str) -> bool:
    """Whether the message asks for a written text, current conditions or a forecast, a booking, a
    tradesperson, a competition's winner or result, a recipe, a translation, the next event,
    a ticket's price or a journey's fare, or school homework:
    a task no shop does, refused even when it names a product ("a poem about toasters")."""
    return bool(
        _WRITING.search(text)
        or (_CONDITIONS_NOW.search(text) and not _FOR_CONDITION.search(text))
        or _FORECAST.search(text)
        or _BOOKING.search(text)
        or _PROFESSIONAL_WANTED.search(text)
        or _WINNER.search(text)
        or _RESULT.search(text)
        or _RECIPE.search(text)
        or _TRANSLATION.search(text)
        or _NEXT_EVENT.search(text)
        or _ADMISSION_PRICE.search(text)
        or (_FARE.search(text) and not _FOR_JOURNEY.search(text))
        or _HOMEWORK.search(text)
    )
