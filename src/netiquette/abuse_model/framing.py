"""Framing: how a post says what it says, rather than what it does.

Quoted or reported to condemn abuse, negated, a harmless idiom, praise, a reclaimed term
used of oneself. They run on normalised text like the hostile patterns in `patterns`, and
the reading weighs hits and scores by them.
"""

from __future__ import annotations

import re

from netiquette.abuse_model.lexicon import RECLAIMABLE
from netiquette.abuse_model.patterns import alternatives

# Framing: the post condemns, reports or quotes abuse rather than committing it. These
# frames introduce what follows them ("you said ...", "someone called my son ...").
REPORTING = re.compile(
    r"\b(?:(?:called|calling|call|calls) (?:me|him|her|them|us|my \w+|our \w+|\w+)|"
    r"(?:was|were|been|being|got|be) called|told (?:me|him|her|them|my \w+) to|"
    r"(?:wrong|cruel|unfair|racist|sexist|bigoted|ignorant|hateful|not true|untrue|hurtful|"
    r"harmful|horrible|awful|disgusting|vile|offensive|unacceptable|not okay|not ok|never okay|"
    r"never ok) to (?:say|claim|think|call|suggest|write|post)|"
    r"(?:why would|how can|how could|why do|why does) (?:you|u|anyone|someone|people|he|she|they) "
    r"(?:say|think|call|write|post|believe)|"
    r"(?:someone|somebody|a boy|a girl|they|he|she|people) (?:wrote|said|posted|shouted|think|"
    r"believe|claim|assume|"
    r"keeps? saying|keeps? calling)|stop (?:calling|saying)|(?:never|not) (?:ok|okay|acceptable) to|"
    r"(?:saying|calling) \w+|if (?:you|u) (?:think|say|said|call)|"
    r"(?:you|u) (?:said|wrote|called|posted) (?:that )?(?!to\b)|"
    r"(?:your|ur) (?:comments?|words|post|remarks|views) (?:about|on)|people who (?:say|call|think)|"
    r"anyone who (?:says|calls|tells|thinks|believes)|words like|the word)"
)
# These condemn or report wherever they stand in the post.
CONDEMNING = re.compile(
    r"\b(?:has been reported|have reported|ve reported|reported (?:it|this|them|to)|"
    r"screenshots?|hate speech|(?:is|are) (?:deeply |so |really )?(?:racist|homophobic|sexist|"
    r"transphobic|not ok|never ok|unacceptable|hurtful|harmful)|"
    r"(?:racism|homophobia|transphobia|sexism|islamophobia|antisemitism|ableism|misogyny|"
    r"discrimination|prejudice|bigotry) (?:against|towards|of|is|has|must|needs|in)|"
    r"no place (?:here|in|for)|should be ashamed|please report|talk to your kids|is a slur)\b"
)
NEGATED = re.compile(
    r"\b(?:no|not|never|dont|doesnt|didnt|isnt|arent|wouldnt|shouldnt|nobody should|no one should|(?:nobody|no one|noone) (?:thinks|believes|says|claims)|"
    r"nothing wrong with|its not true|no \w+ deserves?)\b"
)
# Harmless uses of violent words: success, tiredness, objects, sport results.
IDIOMS = re.compile(
    r"\b(?:(?:killed|smashed|nailed|slayed|destroyed|aced) (?:it|their|the|our)|"
    r"kill me now|could murder|killing me|dying to|knock them dead|break a leg|"
    r"(?:i|im|i am|i was|ive|i have) (?:literally |actually |nearly |almost |just |so |officially )?"
    r"(?:died|dead|dying|deceased|crying|screaming|weak)|"
    r"(?:got|were|was) (?:battered|hammered|beaten|thrashed)|nearly died laughing|"
    r"(?:kill|strangle|smash|murder) (?:this|that|the) (?:printer|wifi|laptop|photocopier|kettle|"
    r"traffic|computer|phone|weather)|is murder|"
    r"(?:kill|destroy|smash|thrash|beat|batter|annihilate) (?:you|u|ya|him|her|them) (?:at|in) "
    r"(?:\w+ ){0,2}(?:kart|fifa|fortnite|minecraft|roblox|chess|game|games|football|tennis|"
    r"cards|scrabble|monopoly|quiz|netball|rounders|dodgeball|uno))\b"
)
# Praise said to someone ("ur so funny", "you're a legend"): the model, trained mostly on
# insults, reads "you're so ..." as one. Calm only when the post holds no hostile word.
COMPLIMENT = re.compile(
    r"\b(?:you|youre|you are|ur|u r|ya) (?:so |really |such a |literally |actually |honestly |"
    r"the |a |an |absolutely )*(?:funny|hilarious|kind|lovely|sweet|nice|pretty|beautiful|clever|"
    r"smart|cool|talented|amazing|brilliant|best|legend|star|gem|superstar|inspiration|helpful|"
    r"brave|awesome)\b"
)
# A reclaimable slur used of oneself or one's own group ("I'm a proud dyke", "us queers").
RECLAIMED = re.compile(
    r"\b(?:im|i am|we|were|we are|us|as an?|proud to be an?|being an?|me|my fellow)"
    rf"(?: (?!hate|despise|kill|hurt|beat|love)\w+){{0,2}} (?:{alternatives(RECLAIMABLE)})$"
)
SELF_REFERENCE = re.compile(r"\b(?:kill me|kill myself|i want to die|kms)\b")
