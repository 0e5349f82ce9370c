"""Word lists the normaliser, the featuriser and the abuse patterns share.

They are data, not judgement: a word here is a cue the model and the patterns weigh in
context (a slur quoted in a report is not abuse by the reporter). The texts of abuse are
unpleasant by nature; they are kept in one place so the rest of the code reads cleanly.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _ordered(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Swearing and vulgarity, whoever it is aimed at (masked forms are restored by textnorm).
PROFANITY = _words(
    """fuck fucks fucking fucked fucker fuckers fuckin motherfucker motherfucking fk fkn fking
    shit shits shitty shite bullshit shithead shitshow crap crappy piss pissed pissing bloody
    bollocks bugger arse arsehole ass asshole bastard bastards bitch bitches bitching damn
    dammit goddamn sod sodding wank wanker wankers twat twats knob knobhead dickhead dick dicks prick
    pricks cock cunt cunts tosser tossers slag slags slut sluts whore whores hoe hoes af wtf
    stfu ffs omfg jfc effing frigging frickin feck bellend minger pisshead"""
)
# Milder words: still discourteous in a school's official voice, weighed lower.
MILD_PROFANITY = _words(
    "crap crappy bloody damn dammit sod sodding hell bugger arse piss pissed feck"
)

# Words for a person that insult them (not tied to an identity).
INSULTS = _words(
    """idiot idiots stupid moron morons dumb thick loser losers ugly fat pathetic useless
    worthless freak freaks weirdo creep creepy scum scumbag trash rubbish disgusting gross
    smelly stinks stink stinky liar liars snitch cow pig pigs rat rats clown clowns muppet
    numpty pillock div minger gobshite waste nobody nonce tramp skank hag witch mong
    retard retarded spastic spaz cripple psycho pervert perv coward cowards vile evil
    hideous ignorant lazy filthy dirty horrible rude miserable embarrassing embarrassment"""
)
# Words that deny people their humanity when said of a group or a person.
DEHUMANISING = _words(
    """vermin rats cockroaches roaches parasites parasite animals animal savages savage
    subhuman subhumans plague cancer disease filth scum trash pigs apes monkeys monkey ape
    insects leeches leech maggots maggot snakes snake dogs beasts creatures viruses virus
    pests pest swine garbage"""
)
# Slurs for identities. A slur aimed at someone is abuse; quoted or reclaimed it may not be.
SLURS = _words(
    """nigger niggers negro paki pakis chink chinks spic spics wog wogs gook gooks
    coon coons kike kikes towelhead towelheads raghead ragheads gyppo gyppos pikey pikeys gypo
    faggot faggots fag fags dyke dykes poof poofs poofter tranny trannies shemale retard retards
    spastic spastics spaz mong mongs homo homos cripple cripples sandnigger wetback wetbacks beaner
    beaners halfcaste golliwog jap japs kraut krauts muzzie muzzies muzrat muzrats"""
)
# Slur forms some groups use of themselves; reclaimed use is weighed by context.
RECLAIMABLE = _words("nigga niggas dyke dykes queer queers fag fags cripple cripples")

# Words naming groups protected from hate (race, religion, disability, sexuality, gender,
# nationality, travellers).
IDENTITIES = _words(
    """women woman girls girl females female men trans transgender transgenders transwomen
    transmen gay gays lesbian lesbians bisexual bisexuals queer queers homosexual homosexuals
    lgbt lgbtq black blacks asian asians muslim muslims islam islamic jew jews jewish
    christian christians hindu hindus sikh sikhs immigrant immigrants refugee refugees
    migrant migrants foreigner foreigners disabled autistic traveller travellers travelers
    gypsy gypsies roma polish poles romanian romanians pakistani pakistanis indian indians
    chinese african africans arab arabs mexican mexicans latino latinos latinas somali
    somalis nigerian nigerians eastern europeans asylum seekers catholics catholic atheists
    deaf blind wheelchair users"""
)
# Verbs of harm, the core of threats.
HARM = _words(
    """kill killed killing murder murdered stab stabbed shoot shot batter battered beat
    punch punched smack smacked hurt bash bashed deck decked jump jumped hang hanged
    burn burned bomb bombed slap slapped kick kicked strangle rape raped drown exterminate
    eradicate destroy die dead hunt lynch gas deport shank merk merked"""
)
HATE_VERBS = _words("hate hates hated despise despises loathe loathes detest detests")
SECOND_PERSON = _words("you u ya ye youre your ur yours yourself urself yourselves youll youve")
NEGATORS = _words(
    """not no never nobody noone nothing neither nor dont doesnt didnt isnt arent wasnt
    werent wont wouldnt shouldnt cant cannot couldnt aint hardly"""
)

# Text-speak and contractions, after apostrophes are removed.
CANONICAL = {
    "u": "you",
    "ya": "you",
    "r": "are",
    "ure": "youre",
    "youre": "youre",
    "im": "im",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "pls": "please",
    "plz": "please",
    "cos": "because",
    "coz": "because",
    "bc": "because",
    "ppl": "people",
    "thx": "thanks",
    "fking": "fucking",
    "fkn": "fucking",
    "fcking": "fucking",
    "fuckin": "fucking",
    "effing": "fucking",
    "stoopid": "stupid",
    "h8": "hate",
    "h8s": "hates",
    "wh0re": "whore",
    "kys": "kill yourself",
    "kms": "kill myself",
    "ffs": "ffs",
    "fs": "fucks",
}

# What a masked swear word most likely is, most likely first ("f***" is "fuck").
MASK_ORDER = _ordered(
    """fuck fucking fucked fucker shit shite cunt bitch bastard twat wanker dick cock
    crap piss arse ass asshole arsehole bollocks prick slut whore damn hell"""
)

# Emoji that stand for words in abuse; skin tones, joiners and variation marks are dropped.
EMOJI_WORDS = {
    "🔪": "stab",
    "🗡": "stab",
    "🔫": "shoot",
    "💣": "bomb",
    "🐍": "snakes",
    "🐀": "rats",
    "🐁": "rats",
    "🪳": "cockroaches",
    "🦠": "disease",
    "🐒": "monkeys",
    "🐵": "monkeys",
    "🙈": "monkeys",
    "🦍": "apes",
    "🐖": "pigs",
    "🐷": "pigs",
    "🐽": "pigs",
    "🐕": "dogs",
    "🐶": "dogs",
    "🤮": "disgusting",
    "🤢": "disgusting",
    "💩": "shit",
    "🖕": "fuck you",
    "🤡": "clown",
    "🗑": "trash",
    "☠": "dead",
    "💀": "dead",
    "⚰": "dead",
    "🌈": "gay",
    "👬": "gay",
    "👭": "lesbian",
    "♿": "disabled",
    "⚧": "trans",
    "🪓": "stab",
    "🤜": "punch",
    "🧕": "muslim",
    "☪": "muslim",
    "🕌": "muslim",
    "✡": "jewish",
    "👳": "muslim",
    "❤": "love",
    "💓": "love",
    "💕": "love",
    "😍": "love",
    "🥰": "love",
    "👎": "bad",
    "👊": "punch",
    "🤬": "hate",
    "😡": "hate",
    "🔥": "burned",
    "😂": "😂",
    "🤣": "😂",
    "🐛": "insects",
    "🦟": "insects",
    "🪱": "maggots",
}
# Person emoji and the skin tones that turn them into a racial group in hateful use.
PERSON_EMOJI = frozenset("👨👩👦👧🧔🧑👶👴👵🙍🙎👱")
PERSON_NOUNS = {"👩": "women", "👧": "girls", "👵": "women"}
SKIN_TONES = {"🏻": "white", "🏼": "white", "🏽": "brown", "🏾": "black", "🏿": "black"}
FLAGS = {
    "PK": "pakistanis",
    "IN": "indians",
    "CN": "chinese",
    "MX": "mexicans",
    "SO": "somalis",
    "NG": "nigerians",
    "RO": "romanians",
    "PL": "poles",
    "IL": "jews",
}

# Dialect markers of African-American English, common in the public Twitter corpus. Its
# labels over-flag this dialect as offensive, so the model is given no features for them.
DIALECT_MARKERS = _words(
    """nigga niggas niggah finna dat dis tryna ima bruh yall aint lil ion bae thang den dem
    wit dey nuttin homie shawty bih"""
)

# Words that segmentation, fuzzy correction and de-leeting may restore. Short common words
# are left out: correcting towards them would change ordinary text.
KEY_WORDS = frozenset(
    w
    for w in (PROFANITY | INSULTS | DEHUMANISING | SLURS | IDENTITIES | HARM | HATE_VERBS)
    if len(w) >= 4
) | _words("hate kill gays jews fags")

# Small words that may sit between key words when spaces are left out ("ihateblackpeople").
GLUE_WORDS = _words(
    """i a an all the you your are is we they them should be people die so such go back
    to of and in my our these those some every fucking must need get out"""
)

# Ordinary words one letter away from a key word ("back" from "black"): never "corrected".
COMMON_NEAR_KEY = _words(
    """back lack wore sake pets down chin rick pick sank hank lathe depot sack tick hick rash
    itch omen dyes cons lags sags pike tash bater aste wase wate hore lunch thic cree reep
    shot sick kids kill fag bich mack unch puch bared cared hared sat rat rats gas gays
    bitch ass ape apes sake hunt dead"""
)
