"""Hand-written rule tables that complement the lexicon.

The lexicon (``data/lexicon.json``, derived from Low et al. 2024) names the
constructs; these tables add what a construct lexicon cannot: the verb frames
that turn a method into a plan, time expressions, farewells, attempts in
progress, past attempts, chat slang and censored spellings, and the cue words
used to judge negation, hypotheticals, quotation, person and tense.

Templates use :mod:`.templates` syntax.  Flags (second element):

``frame``       counts only after a desire/intent frame ("want to", "going to")
``weak``        supporting evidence only: never raises the level on its own
``do_it``       ambiguous object ("do it"): needs other crisis evidence or a short text
``intent``      the phrase itself states intent ("going to end it")
``possession``  the writer has the means at hand
``method``      names a method, so it also counts as means
``nowith``      ignored when followed by "with" ("end it with him")
``self``        first person even if the sentence has another subject
``subj``        only with the writer as the stated subject, or at the start of a sentence
                ("I'm going to jump", "gonna jump"; not "we're going to jump", "prices will jump")
``end``         only at the end of a clause, or before a time word ("gonna commit." / "... tonight")
``ordinary``    a goodbye that an ordinary sign-off or departure explains ("see you at the
                reunion", "we're moving to Spain"): dropped then, unless the text also holds
                ideation, self-injury or a risk factor of the writer's own
"""

from __future__ import annotations

# Word classes usable in templates as <name>; a token in a class matches the slot.
CLASSES: dict[str, frozenset[str]] = {
    "means": frozenset("""pills pill tablets tablet meds medication medications painkillers tylenol paracetamol
        acetaminophen ibuprofen advil aspirin insulin xanax oxy oxycodone oxys fentanyl heroin antidepressants
        benadryl diphenhydramine nyquil unisom naproxen aleve gabapentin pregabalin bupropion wellbutrin venlafaxine
        effexor duloxetine cymbalta mirtazapine olanzapine quetiapine lamotrigine
        benzos benzodiazepines lithium seroquel ambien percocet percocets vicodin morphine codeine tramadol
        opioids opiates prescription sedatives sertraline zoloft fluoxetine prozac citalopram escitalopram lexapro
        amitriptyline quetiapine diazepam valium lorazepam ativan clonazepam klonopin trazodone
        zolpidem""".split()),
    "qty": frozenset("""all bottle bottles handful handfuls bunch lot many entire whole every loads pack packet
        packets box boxes strip strips dozens fistful # overdose hundreds enough""".split()),
    "relative": frozenset("""mom mum mother dad father parents family sister brother wife husband partner
        girlfriend boyfriend kids children son daughter friends friend grandma grandmother grandpa
        cousin aunt uncle niece nephew""".split()),
    "hang": frozenset("rope noose belt cord cable ligature".split()),
    "sharp": frozenset("razor razors blade blades knife knives".split()),
    "gun": frozenset("gun guns pistol rifle shotgun handgun firearm revolver".split()),
    "height": frozenset("""roof rooftop balcony ledge edge bridge overpass cliff railing tracks window parapet
        """.split()),
    "keepsake": frozenset("""guitar switch games game console laptop cat dog dogs cats bike car clothes stuff things
        books records jewelry ring watch camera plants fish hamster rabbit xbox playstation ps5 phone""".split()),
}
MEANS = "<means>"
# "~N" in a template skips up to N arbitrary tokens.
QUANTITY = "~2 <qty> ~3"
RELATIVE = "<relative>"

RULES: list[tuple[str, str, list[str]]] = [
    # ------------------------------------------------------------ attempt in progress
    ("attempt_in_progress", "self", [
        f"i [have] [just] [already] (took|swallowed|downed|taken|ate|overdosed on|od on) {QUANTITY} {MEANS}",
        "i [have] [just] [already] (took|swallowed|taken|downed) (a|an) (overdose|od)",
        "i [have] [just] overdosed",
        "overdosed [on ~3 <means>]",
        "i (am|have been) (bleeding out|bleeding a lot|bleeding so much|bleeding too much|losing a lot of blood)",
        "(i|i have) cut too deep",
        "the (pills|meds|tablets) are (kicking in|starting to work|working)",
        "i can feel the (pills|meds|tablets) (kicking in|working)",
        "(the|a) (rope|noose) is around my neck",
        "i (have|got|put|tied) (a|the|my) (belt|rope|noose|cord|scarf|bag|plastic bag|tie) (around|over|on) my (neck|head)",
        "i am [standing] on the (ledge|edge of the bridge|edge of the roof|roof) (now|right now)",
        "(i am|i have been) (sitting|standing) on the (ledge|bridge|railing) (now|right now)",
    ]),
    # ------------------------------------------------------------ past attempts
    ("past_attempt", "", [
        "i [have|had] (tried|attempted) (to kill myself|to end my life|to take my life|to take my own life|"
        "to commit suicide|suicide|to overdose|to od|to hang myself|to die|kms|to kms|to end it)",
        "(tried|attempted) (to kill myself|to end my life|to take my own life|to take my life|to commit suicide|"
        "to overdose|to hang myself|to slit my wrists)",
        "attempted suicide",
        "(my|a|the) (previous|last|first|second|third|failed|prior|recent|latest|only) (suicide attempt|attempt)",
        "my (suicide attempt|suicide attempts|overdose)",
        "(since|after|before) my (attempt|suicide attempt|overdose|last attempt)",
        "(survived|survivor of|survived a|survived an|survived my) (suicide attempt|attempt|overdose|attempts)",
        "attempt survivor",
        "(was|got|been|being) (hospitalized|hospitalised|admitted|sectioned|committed|in the hospital|in hospital) "
        "(for|after) (trying to kill myself|attempting suicide|a suicide attempt|an overdose|my overdose|"
        "my attempt|overdosing|attempting)",
        "i [have] attempted (# times|twice|before|once|multiple times|several times|many times|a few times)",
        "attempted # times",
        "(i|i have|i had) attempted [suicide]",
        "(got|had) my stomach pumped",
        "i [have] overdosed (before|once|twice|# times|in the past|years ago|last year)",
    ]),
    # ------------------------------------------------------------ plans, preparation, method-seeking
    ("plan", "self", [
        f"(saved|saving|stockpiled|stockpiling|hoarded|hoarding|collected|collecting|stashed|stashing|stored|storing) "
        f"~3 {MEANS}",
        f"(have|got|bought|ordered|found) ~3 {MEANS} (saved|stockpiled|stashed|ready|lined up|counted out|"
        f"set aside|hidden) [up]",
        f"(have|got) enough {MEANS} to (die|kill myself|end it|overdose|do it)",
        f"the {MEANS} (is|are) ready",
        "(tied|tying|made|making|bought|have|got) (a|the|my) noose",
        "(the|my) (rope|noose|gun) is ready",
        "(tested|testing|test) the (rope|noose|knot)",
        "(wrote|written|writing|write|left|leaving|finished|drafted|drafting) (a|my|the) (suicide note|suicide letter|"
        "goodbye letter|goodbye letters|goodbye note|farewell letter|last letter|letters to my family)",
        "(wrote|written|writing|write|left|leaving|finished) (a|my) note for my " + RELATIVE,
        "(put|putting|got|getting|get) my affairs in order",
        "(have|got|made|make|making|came up with|figured out|worked out) a plan to (kill myself|end my life|end it|die|"
        "do it|commit suicide|take my life)",
        "(know|figured out|decided|planned|chose|chosen|picked|worked out|planning|plan) (how|when|where) "
        "(i will|i am going to|to) (do it|die|end it|kill myself|end my life)",
        "(picked|chose|chosen|decided on) the (date|bridge|method)",
        # Method-seeking without the words (issue #14: heights, letters to everyone).
        "how (high|tall|far) (does|do|would|should|must) (a|the) (bridge|building|fall|drop|jump|roof) "
        "(need to|have to|has to) be",
        "(wrote|written|writing|left|leaving) (letters|a letter|notes|a note) (to|for) (everyone|everybody|each of you|"
        "all of you|the people i love)",
        "(got|have|is) my date set",
        "(is|will be) the (day|date|night) i (set|picked|chose|planned)",
        "(typing|typed|type|typing up|typed up|wrote up|writing up) (a|my) (suicide note|suicide letter|goodbye letter)",
        "my suicide (note|letter)",
        "how (much|many) (mg|milligrams|grams|pills|tablets) ~5 (overdose|od|die|kill|lethal)",
        "(to|how to|way to|ways to) kill oneself",
        "(least painful|painless|easiest|quickest|best) (way|ways|method|methods) to go",
        "(researched|researching|googled|googling|looked up|looking up|searched|searching|reading about|read about) "
        "(how to|ways to|methods to|the best way to|painless ways to|painless way to) "
        "(die|kill myself|end my life|overdose|od|commit suicide|hang myself|kill yourself)",
        "(researched|researching|googled|googling|looked up|looking up|searched|searching|reading about|read about) "
        "(suicide methods|lethal doses|a lethal dose)",
        "suicide methods",
        "(how|best way|easiest way|quickest way|fastest way|painless way|painless ways|least painful way|surest way|"
        "most effective way|ways|methods|way) to (die|kill myself|kill yourself|end my life|end it all|commit suicide|"
        "overdose|od|hang myself|hang yourself|kms) [(painlessly|quickly|fast|without pain)]",
        "how (do|can|would|should|could) (i|you|one|someone) (kill (myself|yourself|themselves)|commit suicide|"
        "die painlessly|overdose|hang (myself|yourself)|end (my|your) life)",
        f"how many {MEANS} (does it take|would it take|to die|to kill|to overdose|to od|is lethal|are lethal|"
        f"to end it|would kill|will kill|do i need|until i die)",
        f"how much {MEANS} (does it take|would it take|to die|to kill|to overdose|is lethal|would kill|will kill)",
        "(lethal|fatal) dose",
        f"(lethal|fatal) (amount|dose) of {MEANS}",
        "how long does it take to (die|bleed out|suffocate|drown|die from)",
        "(what|which) (pills|drugs|meds|medication) (would|will|could|can) kill (me|you|someone)",
        "painless way out",
        "painless (way|ways) to die",
        "(i have|i have got|ive got) a gun (and|to) (i am going to|i will)",
    ]),
    # Things given away: a preparation, unless the text leaves for a reason ("gave away my clothes before
    # the move"), as for the ordinary goodbyes (session 16).
    ("plan", "self ordinary", [
        "(giving|gave|give|given) away (my|all my|all of my) (stuff|things|belongings|possessions|pets|cat|dog|clothes)",
    ]),
    ("plan", "weak", [
        "(picked|chose|chosen|set|decided on|planned) (a|the|my) (date|day|time|place|spot|method)",
        "(have|got|made|make|making) a plan",
        "(made|make|wrote|write|updated|update|finished|making|writing) (a|my) will",
        "(give|giving|gave|given) myself (# | a|one|two|three|a few|another|until|till) "
        "(day|days|week|weeks|month|months|year|more day|more days|more week|more weeks|the end of)",
        "(tell me|give me a reason|one reason) why i (should not|shouldnt|should not do it|should keep going|"
        "should stay)",
        "suicide note",
        "(wrote|written|writing|left) (a|my|the) note",
        "(said|saying|say) (my|our) goodbyes",
        "(bought|buying|got|ordered) (a|some|the) (rope|gun|pistol|shotgun|razor blades|razors|blades|helium|charcoal)",
    ]),
    # ------------------------------------------------------------ active ideation (C-SSRS 2-5)
    ("active_ideation", "", [
        "(kill|end|unalive) myself",
        "(offing|killing|unaliving) myself",
        "kms",
        "unalive",
        "(end|take|ending|taking|took) my [own] life",
        "(commit|commiting|committing|do|doing) suicide",
        "(commit|commiting|committing) (sudoku|toaster bath|die)",
        "toaster bath",
        "an hero",
        "self (delete|deletion|destruct)",
        "(rope|neck) myself",
        "(yeet|throw|fling) myself off [(a|the)] (bridge|building|roof|cliff|balcony|ledge)",
        "(blow|blew|blowing) my brains out",
        "(slit|slash|slice|slitting|slashing|slicing|sliced|slashed) my (wrist|wrists|throat|neck) [open]",
        "(put|putting|stick|sticking) a (gun|bullet) (in|to|against) my (head|mouth)",
        "(eat|eating) a bullet",
        "(i am|feel|feeling|felt|been|get|getting|got|is|are|was|am|became|become|becoming|seem|seems|still|grown) "
        "[(so|very|really|extremely|pretty|super|highly|quite|more|incredibly|fucking|severely|a bit|a little|kind of|"
        "this|that|as|too)] suicidal",
        "suicidal (again|rn|right now|today|tonight|lately|af|as fuck|as hell)",
        "suicidal (since|for) (years|months|weeks|days|a long time|so long|a while|the age of|i was|high school|#)",
        "(sitting|sat|here) with the means to (end it|do it|kill myself|die)",
        "(have|got|holding) the means to (end it|do it|kill myself|die|end my life)",
        "suicidal (thoughts|ideation|ideations|feelings|urges|thinking|tendencies|intent|plans|episode|crisis)",
        # "suicide thoughts" and the usual misspellings of "thoughts" (session 11).
        "suicide (thoughts|urges|feelings|ideation)",
        "(suicide|suicidal) (toughts|thougths|thoughs|thouhgts|thots|thougts)",
        "(thoughts|thought|thinking|think|thinks|fantasies|fantasize|fantasizing|dream|dreaming|obsessing) "
        "(of|about) (suicide|ending it|ending it all|ending my life|killing myself|taking my life|taking my own life|"
        "kms|offing myself|self deletion)",
        "(contemplating|considering|planning|plan|contemplate|consider|contemplated|considered|planned) "
        "(suicide|killing myself|ending my life|ending it all|kms)",
        "(suicide|killing myself|death|dying|ending it|ending my life) (is|seems|feels) like the (only|best|last) "
        "(option|way out|answer|solution|choice)",
        "(suicide|killing myself|death|ending it) is the (only|best|last) (option|way out|answer|solution|choice)",
        "the only way out is (death|suicide|to die|to kill myself|dying)",
        "(on the edge|on the brink|on the verge|close|closer|so close|very close) (of|to) (suicide|killing myself|ending it|"
        "ending my life|ending it all|doing it|kms)",
        "(barely|only just) (keeping|stopping|holding) myself (from|back from) (suicide|killing myself|ending it|doing it)",
        "i will die by suicide",
        "(want|going|ready|planning|plan|need|about|decided|deciding|wanting) to (end it|end it all|end everything|"
        "end things|end this life)",
        "(want|going|ready|planning|plan|need|about|decided) to die by my own hand",

        "(urge|urges|impulse|impulses) to (kill myself|end it|die|jump)",
        "(only|the only) reason i (have not|did not|have never|never) (killed myself|done it|ended it|"
        "committed suicide|gone through with it)",
    ]),
    ("active_ideation", "frame", [
        "ctb",
        "sudoku",
    ]),
    ("active_ideation", "end", [
        "(going to|gonna|want to|ready to|about to|finally going to) commit",
    ]),
    ("active_ideation", "do_it intent", [
        "(i am going to|i will|i am gonna|i am finally going to|i am about to|i am ready to|i have decided to|"
        "i decided to|i plan to|i am planning to|planning to|going to|about to|ready to|gonna|finally going to) "
        "(do it|go through with it|go through with this)",
        "(i might|i could|i should|i want to|i need to|i have to) [just] (do it|go through with it)",
        "i (think|feel|know) it is (time|my time)",
    ]),
    ("active_ideation", "do_it", [
        "(tonight|today|tomorrow) (is|will be) the (night|day)",
    ]),
    ("active_ideation", "self", [
        "(i|i should|i will|i am going to|i might|i want to|time to|i need to|going to|about to|i could|"
        "i am gonna|i am about to|imma|i have to|i wanna|i kinda want to) [just] kys",
    ]),
    ("active_ideation", "frame nowith", [
        "end it",
        "end things",
        "end everything",
    ]),
    ("passive_ideation", "frame nowith", [
        "end this",
        "end my suffering",
        "end the pain",
    ]),
    ("entrapment", "", [
        "(want|wanted|need) (it|this) to (end|be over|stop)",
        "(tired|sick|exhausted) of (everything|it all|fighting|trying|this life|this shit|being me|the pain)",
        "(want|wanna|wanted) to disappear",
        "(i|i just) want out",
    ]),
    # methods: a named method with a desire/intent frame is active ideation with a method
    ("method", "frame method", [
        "(jump|jumping|jumped|leap|leaping) (off|off of|from|in front of|into|out of|out) [(a|the|my)] (bridge|building|roof|"
        "cliff|balcony|window|train|traffic|car|bus|tower|parking garage|overpass|ledge|skyscraper|top floor)",
        "(hang|hanging|hung) (myself|my self)",
        f"(overdose|overdosing|od|oding) [on ~3 {MEANS}]",
        f"(take|taking|swallow|swallowing|down) {QUANTITY} {MEANS}",
        "(drown|drowning) (myself|my self)",
        "(shoot|shooting) myself",
        "(crash|crashing|wreck|wrecking|drive|driving|steer|steering|slam|slamming) my (car|truck) (into|off)",
        "(crash|wreck|slam) my (car|truck)",
        "(step|stepping|walk|walking|run|running) (in front of|into) (a|the) (train|bus|truck|car|traffic)",
        "(get|getting) hit by (a|the) (train|bus|truck|car)",
        "pull the trigger",
        "(slit|slash|slice|cut|slitting|slashing|cutting|open) my (wrists|wrist|veins|throat)",
        "(off|delete|poison|poisoning|gas|gassing|suffocate|suffocating|electrocute|electrocuting|stab|"
        "stabbing|burn|burning) myself",
        "(drink|drinking) (bleach|antifreeze|pesticide|poison)",
        "inhale (helium|carbon monoxide|exhaust)",
    ]),
    # ------------------------------------------------------------ passive ideation (C-SSRS 1)
    ("passive_ideation", "", [
        "(want|wanna|wish|wished|wanting|wants|wanted|need) to (die|be dead|not exist|stop existing|not be alive|"
        "not wake up|never wake up|sleep forever|cease to exist|disappear forever|be gone forever|not be here|"
        "not be here anymore|just die|just not exist|just disappear|disappear and never come back)",
        "want to disappear forever",
        "(wish|wished|wishing) (i|i had|i would have) never (been born|existed|woken up|wake up)",
        "(waiting|wait|waiting patiently) for (the day i die|the day i am dead|death|my death|the end|the day it ends)",
        "(looking forward to|look forward to) (dying|death|the day i die|my death|not existing)",
        "(wish|wished|wishing) (i|i had|i would|i could) (was|were|be|been|had been|have been) "
        "(dead|never born|not born|gone|not alive|never been born|killed)",
        "(wish|wished|wishing) i (could|would) (die|just die|disappear|not exist|stop existing|fall asleep and never "
        "wake up|go to sleep and never wake up|sleep forever|not wake up)",
        "(wish|wished|hope|hoping|praying|pray) (i|that i) (die|died|would die|will die|do not wake up|would not wake up|"
        "never wake up|get hit by|get cancer|do not make it)",
        "(hope|hoping|praying|pray) (to die|for death|i die soon|that i die|god takes me|god kills me)",
        "(i|i just) (should|deserve to|need to|ought to) [just] die",
        "(do not|can not) see (why|the point|a reason|any reason) (i should|to|in|of) (be alive|live|living|stay alive|"
        "keep living|go on|going on|be here|exist|existing)",
        "(do not|can not) see (why|the point|a reason|any reason) (i should|to) (be alive|live|stay alive) anymore",
        "(want|wish|wishing|wished) (my life|it all|everything) (would|to|could) (end|be over|stop)",
        "(wish|wishing|wished|hope|hoping|pray|praying) [that] i (would|could|will|might|get) ~4 and die",
        "[just] want out of (life|this life|this world|existence)",
        "(nothing|no one|nobody) [left] (holding|keeping) me (here|back|alive|from it)",
        "(no|not any) (reason|reasons) [left] (to stay|to be here|to keep going|to stay alive|to live)",
        "(crave|craving|craves) death",
        "(do not know|do not even know|wonder|no idea) why i am still (alive|here|breathing)",
        "why i am [even] still (alive|here)",
        "(for the best|be better|would be better|would be easier|be easier|better off) (if|that) i (was|were|am) "
        "(dead|gone|not here|not alive|not around)",
        "(easier|better|best) (to be|being|if i was|if i were) dead",
        "(leave|let) me [here] to die",
        "(can not|can not) (live|go on|keep living|exist) (like this|in this world|this way) anymore",
        "(i|i just) (should not|do not deserve to) (live|exist|be alive|be here)",
        "(want|hope|wish|wishing|hoping|going|ready) to (join|be with) (him|her|them|my <relative>|my late <relative>) "
        "(soon|in heaven|on the other side|in death|in the afterlife)",
        "no (reason|point) (to|in) (continue living|continuing living|continuing|continue|carry on|carrying on|keep existing)",
        "(want|wanna|wanted) to ~3 and die",
        "(can|could|may) i [just] die [already]",
        "all i (want|wanna) [to do] is [to] die",
        "(can not|can not) wait to die",
        "(preparing|prepare|getting ready|ready) (for|to) (death|die|my death|the end)",
        "(i|i just) should [just] (not exist|not be alive|not be here|be dead)",
        "(would|will) be better off (dead|without me|if i was dead|if i were dead|if i was gone|if i were gone)",
        "better off dead",
        "rather be dead",
        "(everyone|everybody|the world|my family|they) (would|will) be (better|happier) [off] (without me|if i was "
        "gone|if i were gone|if i was dead|if i were dead|if i died|if i disappeared|if i vanished|if i was not here|"
        "if i was not around|if i were not around|if i were not here)",
        "if i (died|was dead|were dead|was gone|were gone|disappeared|killed myself) (no one|nobody) would "
        "(care|notice|miss me|even notice|even care)",
        "(life|living) is (not|no longer) worth (it|living)",
        "(life|my life) (is|feels) (not|no longer) worth (it|living)",
        "no (reason|point|purpose) (to|in) (live|living|go on|going on|keep going|be alive|stay alive|staying alive|"
        "keep living|wake up)",
        "(do not|does not|no longer|never) (want|wanna) to (live|exist|be alive|be here|be here anymore|go on|wake up|"
        "keep living|continue living|keep going|be on this earth|live anymore|exist anymore|live like this)",
        "(tired|sick|exhausted) of (living|being alive|existing|life|my existence|existence|being here)",
        # Session 21: "i want to stop suffering once and for all" (as "dejar de sufrir para siempre").
        "(want|wanna|need|just want) to stop (suffering|hurting|feeling this pain) (once and for all|forever|for good|"
        "permanently)",
        "(want|wanted|need) (everything|it all|this all|all of this|my life) to (end|be over|stop)",
        "wish (it|everything|this) (would|could) [all] (end|stop|be over)",
        "(no|lost the|lost my|losing the|have no) will to live",
        "(do not|does not|would not|will not) care if i (live or die|die|died|lived or died|do not wake up)",
        "(wish|wishing|want|wanted) (someone|somebody|something|god|a car|a truck|a bus) (would|to|could) "
        "(kill me|end me|hit me|end my life|take me)",
        "(someone|somebody|please|pls|just|god|anyone) (kill|end) me [(now|already|please|pls)]",
        "kill me (now|already|please)",
        "(would not|will not|would|do not) mind (dying|if i died|being dead|not waking up|death)",
        "(welcome|welcoming|waiting for|looking forward to|long for|longing for|craving) death",
        "(waiting|ready|begging|praying) to die",
        "why am i still (alive|here|breathing)",
        "why (did|do) i (wake up|survive|have to wake up|keep waking up)",
        "(can not|do not know how to|do not want to|can not keep|can not bear to) (keep living|go on living|"
        "keep existing|stay alive|live anymore|exist anymore)",
        "(everyone|everybody|they) (would|will) be (better|happier) without me",
        "(i|i just) (do not|no longer) want to be (alive|here|around) anymore",
        "i (hate|hated) being alive",
        "(i|i am) (done|finished|over) with (life|living|this life|my life|everything|existing)",
        "i (give up|gave up|am giving up) on (life|living|everything)",
        "(death|dying) (sounds|seems|looks|feels) (good|nice|peaceful|better|like a relief|like the answer|"
        "like an escape|appealing|comforting)",
        "(i|i keep|i have been) (thinking|think|thought|dreaming|fantasizing) (about|of) (dying|being dead|"
        "not existing|not being here|disappearing)",
        "eternal sleep",
        "(fall|go) to sleep and never wake up",
        "never want to wake up",
        "i (hope|wish) (i|this) (never|do not) (wake|wakes) up",
        "(i|i just) (do not|can not) (want|wanna|bear) to (be alive|exist) anymore",
        "(only|the only) (thing|things|reason|reasons|one|ones) (keeping|that keeps|that keep|stopping|that stops) "
        "me (alive|from killing myself|from doing it|from ending it|here)",
        "i am (only|still) alive (because|for)",
    ]),
    # ------------------------------------------------------------ self-injury
    ("self_injury", "", [
        "(cut|cutting|cuts|burn|burning|burnt|burned|harm|harming|harmed|hurt|hurting|hurts|hit|hitting|punch|"
        "punching|carve|carving|choke|choking|scratch|scratching|wound|wounding|bite|biting|bruise|bruising|"
        "mutilate|mutilating|mutilated) myself",
        "(self harm|self harming|self harmed|self injury|self injuring|self injurious|self mutilation|self mutilate|"
        "self mutilating|self injure|self injured|nssi)",
        "(been|started|start|keep|kept|keeps|relapsed|relapse|relapsing|back to|urge to|urges to|want to|wanna|"
        "craving|crave|tempted to|going to|gonna|stop|stopped|quit|urge) (cutting|self harm|self harming|cut|cutting again|"
        "burning myself|harming myself|hurting myself|cutting myself|cut myself|cut again)",
        "(cutting|cut|cuts on|cuts|slicing|scratching|burning|burns on|carving) (my|my own) (arms|arm|wrists|wrist|legs|"
        "leg|thighs|thigh|skin|stomach|hips|hip|body|ankles|shoulders)",
        "(fresh|new|deep|my) (cuts|self harm scars|sh scars)",
        "(razor|blade|blades|razors|knife|glass) (to|into|on|against|across) my (skin|arm|arms|wrist|wrists|thigh|"
        "thighs|leg|legs)",
        "(clean|clean from|days clean from|months clean from|years clean from) (self harm|cutting)",
        "(relapsed|relapse) (on|with|into) (self harm|cutting|sh)",
        # Issue #14: comparisons (the finality phrase once here is now read as a wish to be dead,
        # session 16).
        "(what is|which is|whats) (worse|better) [,] (suicide|dying|death|killing myself) or",
        "(suicide|dying|death|killing myself) (or|vs|versus) (living|life|staying alive|going on) like this",
        "enough to (not|never) wake up [again]",
        "(praying|pray|hoping|hope) [every night|each night|every day] [that] god [just|would|will] "
        "(take|takes|would take|will take) me",
    ]),
    ("self_injury", "frame", [
        "(cut|burn|hurt|harm|punish) (myself|my body)",
    ]),
    # ------------------------------------------------------------ farewell / final messages
    ("farewell", "", [
        "by the time (you|anyone|someone|they) (read|reads|see|sees|find|finds) this",

        "(my|these are my) (last|final) words",
        "i (will not|wont|am not going to) be alive (tomorrow|much longer|for much longer|anymore|"
        "for long|by morning|by tomorrow|next week|after tonight|to see)",
        "(this is|it is) (goodbye|good bye) (forever|for good|for real|world)",
        "(goodbye|good bye|bye) forever",
        "see (you|you all|everyone) (on the other side|in the next life|in another life|in heaven|in hell)",
        "(forgive me|i am sorry|sorry) for what i am (about to do|going to do)",
        "[please] (do not|dont) (blame yourself|blame yourselves|be sad|cry for me|miss me)",
        "it is (my|finally my) time to go",
        "i will be (gone|dead) (by|before) (morning|tomorrow|tonight|the weekend|sunrise|then)",
        "(my|this is my) (last|final) (night|day) (on earth|alive|on this earth|here)",
        "(last|final) (night|day) (alive|on earth)",
        "my last (sunrise|sunset|breath|breaths)",
        "(you will|you will all|you all will|everyone will) be free (of me|from me|soon)",
        # Session 10.
        "(you will not|you will never|nobody will|no one will) (have to|need to) worry about me (after|from|past) "
        "(tonight|today|tomorrow|this weekend|this week|now)",

    ]),
    # "... before the holidays", "... for today", "... in this group": a break, not an ending.
    ("farewell", "nobefore", [
        "this (is|will be) my (last|final) (post|message|tweet|words|note|letter|goodbye|night|day|text)",
        "(this is|this will be) the last time (you will|you are going to|anyone will|you all will) (hear|see) "
        "(from me|me)",
    ]),
    # Goodbyes that an ordinary sign-off or departure explains ("see you at the reunion").
    ("farewell", "ordinary", [
        "i (will not|wont|am not going to) be (here|around) (tomorrow|much longer|for much longer|anymore|"
        "for long|by morning|by tomorrow|next week|after tonight|to see)",
        "(this is|it is) (goodbye|good bye) everyone",
        "(i|i just) wanted to say goodbye",
        "(log|logging) off (permanently|for good|forever)",
        "(thank you|thanks) for (everything|being my friend|trying) (goodbye|bye|i am sorry)",
    ]),
    ("farewell", "weak ordinary", [
        "(goodbye|good bye|farewell|bye) (everyone|everybody|world|all|guys|cruel world|friends)",
        f"tell my {RELATIVE} [that] i (love|loved) (her|him|them|you)",
        "(i am|i) (leaving|going away|gone) (forever|for good)",
        "(sorry|i am sorry|apologies) to (everyone|everybody|all of you|my family)",
        "(i am sorry|sorry) for everything",
        "it was nice knowing (you|you all|everyone)",
        "(take care of|look after) my (cat|dog|pets|kids|children|mom|sister|brother)",
        "(i|i just) (love|loved) you all",
        "this is goodbye",
        "i am out of here",
        "(thank you|thanks) for everything",
    ]),
    ("farewell", "weak", [
        "(you will|you will all|you all will|everyone will) (be better off|be happier|forget about me)",
    ]),
    # ------------------------------------------------------------ time frame
    ("timing", "", [
        "(tonight|today|tomorrow|right now|this weekend|this evening|this afternoon|this morning|by morning|"
        "before morning|before sunrise|before dawn|at midnight|this week|very soon|in a few hours|soon)",
        "in (an|one|two|a few|a couple of|a couple|#|a) (hour|hours|minutes|mins|min|days)",
        "(at|by|around) # (am|pm)",
        "(at|by|around) # o clock",
        "(after|once|when) (everyone|everybody|they|my <relative>|the <relative>|my roommate|my roommates|the house) "
        "(is|are|has|have|goes|go|gets|get|falls|fall) (asleep|to sleep|to bed|gone|out|at work|left|quiet)",
        "(after|once|when) (everyone|everybody|they|my parents|my family) (leaves|leave|left|sleeps|sleep|"
        "goes out|go out)",
        "(on|by) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|my birthday|new years|christmas)",
        "(this|it) (is|will be) my last (night|day)",
        "(no later than|before) (tomorrow|the weekend|friday|monday|the end of the week)",
    ]),
    # ------------------------------------------------------------ lethal means (access)
    ("lethal_means", "possession", [
        f"(i have|i have got|i got|i bought|i ordered|i found|i am holding|holding|i am looking at|staring at|"
        f"looking at|in my hand|i have access to) ~3 {MEANS}",
        "(i have|i have got|i got|i bought|i own|i am holding|holding|my dad has|my father has|there is) (a|the|my) "
        "(gun|pistol|shotgun|rifle|handgun|rope|noose|razor|razor blade|blade|knife)",
        "(gun|pistol|shotgun|rifle|knife|razor|blade) (in|under) my (hand|hands|lap|mouth|pillow|bed|drawer|pocket|car)",
        f"{MEANS} in my (hand|hands|drawer|pocket|bag|room)",
        "(standing|sitting|i am) (on|at) (the|a) (bridge|ledge|edge|roof|rooftop|railing|tracks|cliff)",
    ]),
    ("lethal_means", "weak", [
        MEANS,
        "(gun|guns|pistol|shotgun|rifle|handgun|rope|noose|razor|razors|razor blade|razor blades|blade|blades|knife|"
        "knives|bridge|ledge|cliff|train tracks|rooftop|carbon monoxide|helium|charcoal|exhaust|bleach|antifreeze|"
        "exit bag|suicide bag|overdose|od|firearm|9mm|bullet|bullets|poison|cyanide|pesticide)",
    ]),
    # ------------------------------------------------------------ exposure, third person, directed at others
    ("suicide_exposure", "", [
        "killed (himself|herself|themselves|themself)",
        "(took|taken) (his|her|their) [own] life",
        "(committed|died by|died from|died of|lost (him|her|them) to) suicide",
        f"(my|our) {RELATIVE} (committed|died by) suicide",
        "(lost|losing) (a|my|our) [(best)] (friend|brother|sister|son|daughter|mom|dad|father|mother|cousin|"
        "uncle|aunt|classmate|partner) to suicide",
        "(his|her|their) suicide",
        "suicide (loss|bereavement|survivors of loss)",
    ]),
    ("directed_at_others", "", [
        "(go|you should|you need to|why do not you|you could|you can) (kill yourself|kys|die|end yourself|"
        "hang yourself|neck yourself|rope yourself)",
        "(just|please|pls) (kill yourself|kys|end yourself|hang yourself|neck yourself|rope yourself)",
        "kys",
        "kill yourself",
    ]),
    ("suicide_mention", "", [
        "suicide",
        "suicidal",
        "(suicide|crisis) (hotline|helpline|line|prevention|awareness|watch)",
    ]),
    ("help_seeking", "", [
        "(crisis|suicide) (hotline|helpline|line|text line|center|centre|team)",
        "(called|call|calling|texted|text|texting|rang|ring) (988|samaritans|the hotline|a hotline|the crisis line|"
        "the lifeline|lifeline|911|999|112)",
        "safety plan",
    ]),
    # Session 21: "what's the use?", "what's the point anymore" closing the clause (a risk factor, low
    # alone; "what's the point of this meeting" goes on).
    ("hopelessness", "end", [
        "what is the (use|point) [(anymore|of anything|of it all|of any of this|of trying|of even trying)]",
    ]),
    # Session 21: "tired of merely existing." closing the clause ("... existing in the background at
    # parties" is shyness).
    ("passive_ideation", "end", [
        "(tired|sick|exhausted) of (merely|just|simply|only) (existing|being alive)",
    ]),
    ("crisis_state", "", [
        "i (do not|can not) trust myself (anymore|with)",
        "i am (in|having) a (crisis|mental breakdown|breakdown)",
        "(i am|i) (losing|lost) (the|my) (battle|fight)",
        "(i|i am) (scared|afraid|terrified) of what i (might|will|could) do",
    ]),
    # Session 21: saying one is not safe now is a request for a person, as crisis lines treat it
    # (moderate: a human is alerted). "i don't trust myself with money" stays low.
    ("crisis_state", "acute", [
        "i (am|feel) not safe (right now|tonight|with myself|at the moment)",
        "i (do not|can not) trust myself (right now|tonight|at the moment)",
        "(i|i am) (scared|afraid|terrified) (of what i (might|will|could) do to myself|i will hurt myself|"
        "i might hurt myself|i will do something)",
        "i (can not|cannot) (keep myself safe|stay safe)",
    ]),
    # ... closing the clause: "scared of what i might do" ("... if i see him again" is anger at someone),
    # "not safe alone" ("... alone at night in this city" is the street), "i don't trust myself to be
    # alone" ("... alone with a credit card" is spending).
    ("crisis_state", "acute end", [
        "(i|i am) (scared|afraid|terrified) of what i (might|will|could) do",
        "i (am|feel) not safe (alone|by myself) [(right now|tonight)]",
        "i (do not|can not) trust myself [to be] (alone|by myself) [(right now|tonight)]",
    ]),
    # ------------------------------------------------------------ risk factors (low alone)
    ("hopelessness", "", [
        "(everything|life|it|all|this|my life|nothing) (is|feels|seems) (hopeless|pointless|meaningless)",
        "(nothing|it|things|this|life) (will|is going to|would) never (get|be) better",
        "(there is|i have|i see|i got|there will be) no (hope|future|point|way out|light at the end)",
        "(lost|losing|lose|no) [all] hope",
        "i (have|got) nothing (left|to look forward to)",
        "(i|i just) (can not|can not) see (a|any) (future|way out|point)",
        "(i|i just) (do not|can not) see (myself|me) (living|alive|being alive|making it|being here) "
        "(past|beyond|to|much longer|in)",
        "(i am|i feel) [(so|completely|utterly|totally)] (hopeless|helpless and hopeless)",
        "(what is|whats) the point (of|in) (anything|living|life|going on|trying|it all|being alive)",
        "(nobody|no one|nothing) can (help|save) me",
        "(ready|about|going) to give up (on life|on everything|on myself|for good|completely)",
        "(i am|i m|im) ready to give up",
        "(i|i just) (have|want to|am going to|will) give up on (life|living|everything|myself)",
    ]),
    ("entrapment", "", [
        "(i|i just) (can not|can not) (take|handle|do|cope with|bear|stand) (it|this|this pain|this life|life|"
        "the pain|any more|anything) (anymore|any longer|much longer|any more)",
        "(i|i just) (can not|can not) (do|take|handle) (this|it) anymore",
        # Session 21: "i can't face another day", "i can't do one more day" (a risk factor, low alone).
        "(i|i just) (can not|cannot) (do|take|face|handle|survive|bear|get through|go through) (one more|another) day",
        "(i am|i feel) [(so|completely|totally)] (trapped|stuck) (in|with) (my|this) (life|body|head|mind|situation)",
        "(there is|i have|i see) no (way out|escape|exit)",
        "(too much|unbearable|can not bear|can not handle) (pain|suffering)",
    ]),
    ("burdensomeness", "", [
        "i am (a|such a|just a|nothing but a|only a) (burden|waste of space|waste of oxygen|waste of air|mistake)",
        "(feel|feeling|felt|being) like (a|such a|just a) burden",
        "(burden|burdening) (to|on|for) (everyone|everybody|my family|my friends|my parents|others|people|them)",
        "(everyone|everybody|they|my family|the world|people) (would|will) be (better|happier) [off] without me",
        "(no one|nobody) (would|will) (miss|notice|care) (me|if i was gone|if i died|if i disappeared)",
        "(no one|nobody) (cares|gives a shit|gives a fuck) (about me|if i live or die|if i die|whether i live)",
        "(you are|youre|you re|they are|she is|he is) [probably] better off without me",
        "(tired|sick) of being a (burden|problem|disappointment)",
    ]),
    ("worthlessness", "", [
        "(i|i just|i really|i fucking) (hate|despise|loathe) myself",
        "i am [(so|completely|totally|just)] (worthless|useless|a failure|pathetic|nothing|a waste)",
        "(feel|feeling|felt) [(so|completely|totally)] (worthless|useless)",
        "(self hatred|self loathing|self hate)",
    ]),
    ("emotional_pain", "", [
        "(the|this|my) pain is (unbearable|too much|killing me|never ending)",
        "(emotional|mental|psychological|inner) (pain|agony|anguish|torture|torment)",
        "(unbearable|constant|endless|excruciating) (pain|suffering|agony)",
    ]),
]

# ---------------------------------------------------------------- issue #14: crisis without the words
# Means kept in view, plans and farewells that never say "suicide", severe self-harm, questions
# about how lethal something is, intensity, and passive wishes said indirectly.  Flags:
# ``preocc`` (dwelling on something: counts with a means named nearby), ``athand`` (the writer is
# at a height or has the means laid out: moderate alone, high with a time, a farewell, a plan,
# risk factors or dwelling), ``lethality`` (asks how quick, painful or sure something is: high with
# a method or means named), ``severe`` (self-injury that needs care now: high).
RULES_MORE: list[tuple[str, str, list[str]]] = [
    ("active_ideation", "", [
        "(suicide|dying|death|killing myself|ending it|ending my life|kms) is all i (think|can think|ever think|"
        "have been thinking|keep thinking) about",
        "(do not|can not|no longer) (feel|am) safe (with|around|from) myself",
        "not safe (with|from|around) myself",
        "(do not|can not) trust myself (to stay|to be|to keep myself) safe",
        "(had|have|get|find|work up|lack|finally have|muster|mustering|got|need) (the|enough) (courage|guts|balls|nerve) "
        "to (do it|go through with it|end it|finally do it|actually do it|actually go through with it)",
        "(going to|want to|will|about to|gonna|planning to|ready to) (redacted|censored|bleep|beep|blank|x|xx|xxx|"
        "unmentionable) myself",
        "(drive|driving|drove|crash|crashing|steer|steering) [my car] into (a|the) (tree|wall|pole|truck|river|lake|"
        "barrier|oncoming traffic|traffic|semi) on purpose",
        "(keep|kept) (thinking|picturing|imagining) (about|of) (driving|jumping|stepping|walking) (into|off|in front of)",
    ]),
    ("plan", "self", [
        "(planning|plan|planned|plotting|plot) my (suicide|death|exit|own death|way out)",
        "(counted|counting|recounted|recounting|count) (the|my|all the|all my|all of my|all of the) <means> "
        "(again|twice|every night|over and over|one more time)",
        "(have|got|there are|it is|that is|i have) (more than enough|enough|plenty of) <means> (now|saved|left|to)",
        "(<hang>) (is|are|was) [already] (on|over|around|tied to|hanging from|hanging on|up on|attached to) "
        "(the|a|my) (door|hook|beam|closet|rail|ceiling|tree|branch|pipe|bannister|banister|railing|fan)",
        "so (nobody|no one|noone) (finds|will find|can find|would find|has to find) me",
        "i have [got] a plan and a (time|date|place)",
        "(got|have) (the|a) (date|day|time) (set|picked|chosen)",
        "(what|which) (household stuff|household products|household chemicals|chemicals|cleaning products|"
        "cleaning stuff|stuff|plants|pills|meds) (can|could|will|would) kill (you|me|someone|a person)",
        "(which|what) (cleaning products|chemicals|products) ~4 (mixed|mix|combine|combined) ~4 (gas|hydrogen sulfide|"
        "chlorine gas|toxic gas)",
        "(quickest|fastest|easiest|surest|most painless|least painful|painless|best) way out",
        "(which|what) (way|direction|method|methods) (hurts|hurt|works|work) (least|the least|best|better|the best)",
        "i (think|know) i have (figured out|found|worked out) (which way|how|the way|a way) ~3 (hurts least|"
        "to do it|works)",
    ]),
    ("plan", "weak", [
        "(got|have|bought) everything i need",
        "(everything|it all|it) is (set up|ready|arranged|in place|sorted|taken care of) [now]",
        "the plan is (simple|set|ready|done|easy)",
        "(cancelled|canceled|cancel|cancelling|canceling) my (appointments|appointment|therapy|sessions|session)",
        "(wait|waiting|waited) (until|till|til|for) (the house is empty|everyone is asleep|everyone leaves|"
        "everyone is gone|my roommate leaves|my roommates leave|my parents go to bed|they go to bed|nobody is home|"
        "no one is home|everyone goes to sleep|the house is quiet)",
        "so i do not (ruin|spoil|wreck) (it|her birthday|his birthday|christmas|the holidays|the wedding|their day)",
        "(left|leaving|leave) the door unlocked so",
        "(looked up|checked|know|memorized) the (train times|train schedule|trains)",
        "(i|i already) (set|picked|chose|have chosen) a date",
        "got what i need",
        # Session 16: the timing arranged around others ("timed it so nobody will be home", "planned it
        # for after her birthday").
        "(timed|planned|arranged|worked out the timing|worked it out) ~2 so (nobody|no one|noone) (will be|is|would be) "
        "(home|around|there|awake)",
        "(planned|planning|timed|scheduled|set) it (for|until|till) (after|once|when)",
        "(just|only|still) (need|have) to (pick|choose|set|decide on|settle on) (a|the) (day|date|place|time|spot)",
        "(just|only) (need|have) to wait (for|until|till) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
        "tonight|tomorrow|the weekend|everyone to leave|everyone to sleep)",
    ]),
    ("timing", "", [
        "(after|once|when) (finals|exams|my exams|christmas|the holidays|her birthday|his birthday|my birthday|"
        "the wedding|graduation|the funeral)",
        "(until|till|til) (my roommate|my roommates|everyone|my parents|they) (leaves|leave|goes|go|is|are) "
        "(for work|to bed|asleep|out|gone)",
    ]),
    ("lethal_means", "possession athand", [
        "[i am|i have been|been|am|i am just|just] (standing|sitting|parked|perched|lying) (on|at) "
        "(the|a|my) [edge of the] <height>",
        "[i am|i have been|been|am|i am just|just] (standing|sitting|parked|waiting) (on|at) (the) (edge|top) of "
        "(the|a|my) ~2 (<height>|building|parking garage|garage|car park|bridge|platform|overpass|cliff|dam)",
        "(the|a|my) <hang> is [already] (hanging|tied|up|ready|set up)",
        "(i am|i am up|i am out) on the (roof|rooftop|ledge|railing|bridge|overpass) [of my building|of the building]",
        "(<sharp>|<gun>|<means>|<hang>|bottle) (is|are) (on|in|next to|beside|under) (the|my) (bed|lap|hand|hands|"
        "pillow|desk|nightstand) [next to me|beside me]",
        "(holding|have been holding|i am holding|in my hand) (the|a|my) (bottle|<sharp>|<gun>|<hang>) [in my hand]",
        "(letting|watching) the trains (go by|pass|go past)",
        "(i|i have) (know|found) (exactly) (which|where) ~3 (<means>|<gun>|<sharp>) (are|is) [kept]",
        "(my dad has|my father has|i know where my dad keeps|i know where he keeps) (a|the|his) <gun>",
    ]),
    ("plan", "weak preocc", [
        "(keep|kept|keeps|been|am|i am|have been|cannot stop|can not stop|could not stop|just) (looking|staring|glancing|"
        "gazing) at (it|them|the|my|that|this) ~2 [<hang>|<gun>|<sharp>|<means>|bottle]",
        "(keep|kept|keeps) (going back|coming back|going) to (look at|check|touch|hold) (it|them)",
        "(sitting|sat|been sitting) with (it|them|the|my) ~2 (<hang>|<gun>|<sharp>|<means>|bottle|it|them) "
        "(a while|for a while|all night|for hours|for an hour)",
        "(been|has been|have been) (there|here|on the bed|next to me) (all night|for hours|all day|since)",
        "(do not|will not|not going to) [want to] explain (why|what for|what it is for)",
        "for (like|about) an hour",
        "it is (quiet|peaceful|calm) up here",
        "(not|never) going home (tonight|today|again)",
        "(heading|going|on my way) there now",
    ]),
    ("lethal_means", "weak", [
        "(drowning|drown|hanging|train|trains|tracks|insulin|heights|height|building|overpass|balcony|roof|bottle of "
        "tylenol|whole bottle|entire bottle|household chemicals|cleaning products|chemicals|carbon monoxide|exhaust|"
        "hydrogen sulfide|lake|river|bridge|cutting|bleeding out|suffocating|suffocation|jumping)",
    ]),
    ("plan", "weak lethality", [
        "(will|would|does|is|can|could) (it|that|this|they) (be|kill me|work|hurt|do it) ~1 (instant|instantly|quick|"
        "quickly|painless|fast|enough|for sure|right away|a lot)",
        "does (it|that|drowning|hanging|bleeding out|an overdose|overdosing|jumping|suffocating|it really) hurt",
        "how (long|much|many) (does it|would it|will it|do they|do you) (take|need)",
        "how long (does|would|will) it take (to|for) (die|pass out|lose consciousness|work|bleed out)",
        "(works|work|working) (better|best)",
        "(lose|losing) consciousness (fast|quickly|quick|right away)",
        "(can|could|would|will) (kill you|kill me|kill someone|be lethal|be fatal) (if|when)",
        "(will|would|does|can) (my|the|all my|all of my|all the) ~2 (<means>|insulin) (do it|work|be enough|kill me)",
        "(do you|would you|does it|do i) (die|feel) (quick|quickly|instantly|fast|anything)",
        "what happens if (you|i|someone|u) (take|took|drink|swallow|swallowed|overdose on) ~2 <qty> ~3 <means>",
        # Session 20: "what happens if someone takes 30 clonazepam" (a third person asked for oneself).
        "what happens if (someone|somebody|a person|one|anyone) (takes|drinks|swallows|overdoses on) ~2 <qty> ~3 <means>",
        "need to know (tonight|now|right now|today)",
        "not looking for (hotlines|help|numbers|a hotline|phone numbers) [just answers]",
        "asking (because|bc) i am planning",
    ]),
    # "is the bridge high enough" ends the question; "... high enough for the bus" is about traffic.
    ("plan", "weak lethality end", [
        "(is|would|will) (it|that|the|this|it really) ~2 (high|tall|deep|far|strong) enough",
    ]),
    ("farewell", "", [
        "if you (do not|never|dont) hear from me (again|tomorrow|after tonight|after today|soon)",
        # Session 20: "if i don't reply tomorrow you'll know why".
        "if i (do not|dont|never) (reply|answer|respond|text back|post|log on|show up) [(again|by)] (tomorrow|in the "
        "morning|after tonight) [then] (you will|you ll|you all will|you guys will|everyone will) know [why]",
        "(please tell|tell) my <relative> [that] (i am sorry|i love (her|him|them)|it is not (her|his|their) fault)",
        "so (nobody|no one|noone) has to (deal with|handle|sort out|clean up|worry about) (it|that|anything|"
        "everything|my stuff) (after|afterwards|later|when)",
        "(goodnight|good night|goodbye|good bye) forever",
        "(someone|somebody) (who will|who'll|who can|who is going to) (be around|still be here|be here|stick around)",
        "will not be a (problem|burden) (for|to) (anyone|anybody|you|them) (much longer|for much longer|soon|anymore)",
        "(that will|that would|it will|it would|that is going to) make it easier for (them|everyone|you|my family)",
        "(they will|everyone will|people will) (notice|find out|know) (on|by) (monday|tuesday|wednesday|thursday|"
        "friday|saturday|sunday|morning|tomorrow)",
        "i (will not|wont|am not going to) be a (problem|burden) (much longer|for much longer|for long)",
        "(by|before) (morning|tomorrow|sunrise|the morning|the weekend) i will be dead",
    ]),
    # Issue #14: an ending with a time, said of "it all" or "everything" ("it all ends tonight",
    # "tonight it all ends"); not of a show, a sale or a shift. Dropped beside an ordinary goodbye.
    ("farewell", "ordinary", [
        "(it all|everything|all of it|all of this|all this|it is all) (ends|will end|is going to end|is ending|"
        "finally ends|will be over|is going to be over) (tonight|today|tomorrow|this weekend|very soon|soon|now)",
        "(tonight|today|tomorrow) (it all|everything|all of it) (ends|will end|is going to end|will be over|"
        "is over)",
        "(by|before) (morning|tomorrow|sunrise|the morning) i will be gone",
    ]),
    # "I've made my peace" ends the thought; "... made my peace with my ex" is about someone else.
    ("farewell", "end", [
        "i (have|have finally|finally) made (my peace|peace) [with (it|everything|everyone|all of it|dying|death|my "
        "decision)]",
    ]),
    # Issue #14: the same farewells also close an ordinary goodbye ("won't need them where i'm going,
    # it's freezing lol" before a move; "look after my cat for me while i'm away, see you in two weeks").
    ("farewell", "ordinary", [
        "(take care of|look after|feed|walk|love) my (cat|dog|pets|kids|fish|plants|rabbit|hamster|bird) for me",
        "(wanted|want|just wanted|needed) to say goodbye (properly|for real|to everyone|to you all|before)",
        "[i] (will not|am not going to|would not|do not think i will) (need|be needing|be using|use) (it|them|this|"
        "these|those|that|a next one|another one|my stuff) (anymore|again|any more|after|after this|where i am going|"
        "for much longer)",
        "(do not think|do not) i (will|am going to) need a next one",
        "remember me (as|the way|for|like|when)",
        "(this is|it is) (a real|my|the) (goodbye|farewell)",
        "(goodbye|farewell) for real",
        "(everything|it all|all) (tidy|in order|sorted|taken care of) before i (go|leave|am gone)",
    ]),
    ("self_injury", "", [
        "(hitting|banging|slamming|bashing) my head (against|into|on) (the|a) (wall|floor|desk|door)",
    ]),
    # Bleeding and refusing care: severe only beside self-injury.
    ("self_injury", "weak severe", [
        "(blood|bleeding) (everywhere|all over|all over the floor|will not stop|does not stop|is not stopping|keeps "
        "coming|soaked through)",
        "(the|my|it|this) (bleeding|blood) (will not|would not|does not|is not going to|can not) stop",
        "(not|never) going to (the) (er|hospital|emergency room|a and e|doctor)",
    ]),
    ("farewell", "weak ordinary", [
        "(and|then) (not|never) (coming|come|going to come) back",
        "(i am|am) not coming back",
        "before i go",
        "(gave|giving|give|given|rehomed|rehoming|gave away|giving away|found a new home for) (my|away my|all my) "
        "<keepsake>",
        "you can have (my|all my|all of my) ~2 <keepsake>",
        "(deleted|deleting|delete) [all] my (socials|accounts|social media|profiles)",
        "(paid off|paying off|paid back|settled) (what i owed|my debts|everything i owed|my debt)",
        "(updated|wrote|made|finished) my (will|passwords list)",
        "(left|leaving) my (passwords|password) in",
        "(everything|things) in order",
        "(bye|goodbye|good bye) [(everyone|all|guys|world)]",
        "(it is|it was) not your fault",
        "you have been good to me",
        "thank you for (always listening|always being there|everything you did)",
        "(said|saying|say|have said) (goodbye|goodbyes|my goodbyes|bye) to (everyone|everybody|my family|my friends|"
        "all of them|my kids|my parents|them all)",
        "(take|takes|will take|would take|can take) better care of (him|her|them|it) than i (could|can|ever could|"
        "ever did|did|would)",
        "soon (it will|it will all|everything will|it is all going to|all of this will|this will all) be over",
        "(tonight|today) (is|will be) the (night|day)",
    ]),
    ("passive_ideation", "", [
        "(fall|go|going) to sleep and (not|never) wake up [again]",
        "(it would be|would be|it is|things would be|everything would be|life would be) [so|much|so much|a lot|way] "
        "(easier|better|simpler) "
        "if i [just] (did not exist|was not here|was not around|were not here|were not around|disappeared|was gone|"
        "were gone|died|was not alive|never existed|stopped existing)",
        "(hope|hoping|wish|wishing|pray|praying) (a|that a|some|that some) (car|bus|truck|train|drunk driver) "
        "(hits|hit|would hit|will hit|runs over|run over|kills) me",
        "(would not|wouldn't) mind if (the|my|this) (plane|car|bus|train) (went down|crashed|crashes|goes down)",
        "the point (of|in) (being here|living|being alive|staying alive|waking up|existing|going on|me being here) "
        "anymore",
        "(do not|can not) see myself (being around|being here|alive|being alive|living|still here|still alive) "
        "(next year|much longer|by|past|in a year|for long|a year from now|next month|at|by the end|next)",
        "if i (disappeared|vanished|was gone|were gone|died|left) (for good|forever|permanently)",
        "wake up wishing (i|i had|i did) (had not|did not|was not|were not|would not|never)",
        "(want|wanna|need|going) to (rest|sleep) ~5 (forever|for good|for ever|permanently)",
        "[i] [just] (want|need|wish) (it|everything|this|the pain|it all) (to be over|to end|to stop) (forever|for good|"
        "permanently|for ever)",
        "(that is|is|it is) where i am (headed|going) [and]",
        "(praying|pray|asking|ask|begging|beg) (god|the universe) [every night|each night] to (take me|let me die|"
        "end it|not wake me)",
        "(do not|did not) (want|ask) to wake up (today|this morning|again|anymore)",
    ]),
    ("entrapment", "", [
        "i am (done|finished) (fighting|trying) [it|this]",
        "(i|i just) (could not|can not|cannot) (keep going|go on|do it anymore|take it anymore|hold on anymore)",
        "(want|need) it (all) (to be over|to end|to stop)",
        "(can not|cannot) (do this|take this|live like this) [anymore] (i can not)",
    ]),
    ("self_injury", "severe", [
        "(cut|cutting|cuts) (so|too|really|very|way too) deep",
        "(can|could) see (stuff|things|fat|tissue|muscle|bone|layers|the fat|white stuff) (i should not|that i "
        "should not|inside)",
        "(self harm|cutting|sh|hurting myself) (is not|is no longer|stopped) (enough|working|helping) [anymore]",
        "running out of (space|room|places|skin) (to cut|on my)",
        "(my|both my) (arms|thighs|legs|wrists|stomach) (are|is) (covered|full) [in (cuts|blood|scars)]",
        "(want|going|need) to go (further|deeper)",
        "(broke|smashed|punched) (a|the) (window|mirror|glass) (with my (hand|fist)) on purpose",
        "something that (will|would|could|is going to) (actually) (finish it|end it|work|finish me)",
    ]),
    # Intensity: said in earnest, lasting, at the limit.  Supporting only: lifts passive ideation
    # and a farewell to high, never counts alone.
    ("intensity", "", [
        "i (really|truly|actually) mean it",
        "i mean it [(this time|now)]",
        "(i am|i am being|i am so|i am dead) serious",
        "(i am|i am really) not (joking|kidding|being dramatic|exaggerating)",
        "not (a joke|even joking|joking|kidding|being dramatic|exaggerating) [(this time|anymore)]",
        "this time (is different|for real|it is different|it feels different)",
        "(for good|for real|permanently|forever|for ever|once and for all)",
        "(more than ever|worse than ever|than ever before)",
        "(never|not ever) (wanted|needed|felt) ~3 (this|so) (much|bad|badly|strongly)",
        "so (bad|badly|much)",
        "(every single day|every day|every night|all the time|constantly|24 7)",
        "(at|reached|hit) my (absolute|breaking|last) (limit|point)",
        "(at|reached|hit) my limit",
        "(no cap|deadass|on god|istg|i swear)",
    ]),
    # Finality: a decision taken, no way back, the end of trying. Flagged ``final`` (session 16): two
    # of them apart, or one beside a preparation or a goodbye, in a short message are worth a human
    # look (engine._final_apart); emphasis ("for real") and frequency ("every day") are not finality.
    ("intensity", "final", [
        # Session 14: finality with no method ("no going back now"); alone it counts only as a whole
        # short message (engine._bare_finality).
        "(there is|it is) no (going|turning) back [now|this time]",
        "no (going|turning) back [now|this time]",
        "i am not changing my mind",
        "(i have|i have already|already) made up my mind",
        "(nothing|nobody|no one) (you say|can say|will|can) [will|can] change my mind",
        "(do not|please do not) (try to|try and) talk me out of it",
        "(it is|it has been) decided",
        "(i have|i am) (made up my mind|decided|already decided)",
        "i am [(so|really|truly|just|actually)] [(so|really|truly|just|actually)] (done|finished) [(with everything|"
        "with it all|with all of this)]",
        "not (even) hiding it anymore",
        "i am (not scared|not afraid) [of (it|it all)] anymore",
        # Session 16 (intensity and plan reading, phrases written anew): finality said as the end of
        # trying, no way back from "this one", nobody able to stop the writer, a decision made, the end
        # "for me", not failing "this time", doing it for real. Supporting only, like the rest; alone
        # they count as a whole short message (engine._bare_finality), so "no more trying to please
        # everyone" or "nothing is going to stop me from getting that job" say nothing.
        "no more (trying|fighting|pretending|waiting)",
        "(i am|i) (done|finished|through) pretending",
        "(i am|i will) not (doing|going to do) this (anymore|any more)",
        "(i have|i) made my (choice|mind up)",
        "(this|it) is not a cry for help",
        "(this is|it is) my final decision",
        "(this is|that is) it for me",
        "i am (checking|tapping) out [(for good|permanently|early)]",
        "(nobody|no one|noone|nothing) (is going to|will|can|is gonna) talk me out of it [this time]",
        "(do not|dont) (bother trying to|bother|try to|even try to) change my mind",
        "(i am|i have never been|never been) (so|this|more) sure ~3 (than i have ever been|in my life)",
        "more sure than i have ever been",
        "i am (so|really|completely) sure (about this|of this)",
        "(i am|i am just|i will) not (trying|fighting|going to try|going to fight) (anymore|any more|again)",
        "(i am|i will|i will be|i) not (coming|come|be coming) back from this [(one|time)]",
        "(there is|there will be|there is just) no coming back from this [(one|time)]",
        "(nothing|nobody|no one|noone) (is going to|will|can|could|is gonna) stop me [(now|this time|anymore)]",
        "(do not|please do not|dont) (try to|try and) stop me",
        "(you can not|you will not|you are not going to|you cant|you wont) stop me [(now|this time)]",
        "(the|my) decision (is|has been) (made|final|taken)",
        "my mind is (made up|set)",
        "(this is|it is) (the end|over) for me",
        "this time i (will not|am not going to|wont) fail",
        "this time i (will|am going to) make sure (it works|it is done|i do not fail)",
        "(i am|i am really|i am actually) (really|actually) (doing it|going to do it|going through with it)",
        "this time i am (really|actually|finally) (doing it|going to do it|going through with it)",
        "this time i am not coming back",
    ]),
    # "This is the end" only closing a clause: "this is the end and suicide is my only way out" is read by
    # its second half, "this is the end of the semester" is a date (session 16).
    ("intensity", "final end", [
        "(this is|it is) the end [for me]",
    ]),
    # Finality that names the decision as one about living: one of these closing a clause in a short
    # message is worth a human look (session 16).
    ("intensity", "final strong", [
        "(past|beyond) the point of no return",
        "(i am|i feel) (at peace|okay|ok|fine|calm) with (my|the|this) decision",
        "(calm|at peace|peaceful|relieved|lighter) (now that|since|because) i (have decided|decided|made up my mind|"
        "made my decision)",
        "i do not want to be (saved|stopped|found|rescued|talked down) [(this time|anymore)]",
        "this time (nobody|no one) (is going to|will|can) (find|stop|save) me [in time]",
        "i (just|only) (wanted|want|needed) (someone|somebody|one person) to know",
    ]),
    # Session 16: no more days of this, said as what cannot be faced; only at the end of a clause ("i
    # can't do another day of this heat" is the weather).
    ("entrapment", "end", [
        "(can not|cannot|could not) (do|take|face|handle|survive|bear) (another|one more) (day|night|week) (of this|"
        "like this)",
        "(i|i just|i really) (can not|cannot) keep (doing this|doing this anymore|living like this|going like this)",
    ]),
    # Issue #14: a jump with no place named, said as intent or a plan ("i'm planning to jump", "gonna
    # jump tonight"); only at the end of a clause ("jump in the pool", "jump on a call", "jump ship"
    # are not) and with the writer as the subject ("we're going to jump", "prices will jump" are not).
    ("active_ideation", "end subj intent", [
        "(going to|about to|ready to|finally going to|planning to|planing to|planin to|plannin to|planning #|plan to|"
        "decided to|will) jump [(off|off it|from here|from up here)]",
        "(planning on|planing on|plannin on) jumping [(off|from here|from up here)]",
    ]),
    # Said in the past ("I was ready to jump"), an attempt stopped short: moderate, high when recent.
    ("past_attempt", "end subj", [
        "(was|were) (going to|about to|ready to|planning to|so close to|this close to) jump",
        "(was|were) planning on jumping",
    ]),
    ("active_ideation", "end subj", [
        "(want to|wanna|need to|tempted to) jump",
        "(thinking about|thinking of|considering|contemplating) jumping",
    ]),
    # Issue #14: looking up how much of one's own medication it would take.  "How many pills do I
    # need to take for a migraine" goes on after the verb, so these count only at the end of a
    # clause (or before a time word).
    ("plan", "self end", [
        "how (many|much) [of] [(my|the|these|those|all my|all the|all of my|all of the)] ~1 <means> ~2 "
        "(it would take|it will take|it takes|would it take|does it take|will it take|i would need|i will need|"
        "i need|do i need|would i need|i would have to take|i have to take|would be enough|will be enough|"
        "is enough|are enough|would do it|will do it|would kill me|will kill me|would be lethal|is lethal|"
        "are lethal|is fatal|are fatal) [(to die|to kill me|to overdose|to od|to not wake up|to never wake up|"
        "to end it|to be sure|for it to work)]",
        "how (many|much) [of] [(my|the|these|those|all my|all the|all of my|all of the)] ~1 <means> ~2 "
        "(to die|to kill me|to overdose|to od|to not wake up|to never wake up|until i die|to end it)",
        "(researched|researching|googled|googling|looked up|looking up|searched|searching|checked|checking|"
        "read up on|reading up on|look up|google) how (many|much) [(of my|of the|of these)] ~1 <means>",
    ]),
    # Session 9 (SDCNL dev misses): death as the only option said with "seems to be"/"my", not wanting
    # to be talked out of it, dying by suicide foreseen, a noose described, how easy or painful a
    # death is, how much would be enough, an easy way out sought at the end of a clause.
    # "... the only option" ends the clause or is said of the writer ("left", "for me"); not "... the
    # only option for the hero in act three".  (Alternatives kept few: each multiplies the table.)
    ("active_ideation", "end", [
        "(suicide|killing myself|death|dying|ending it|ending my life) (seems|feels|is|looks) (to be|like) (the|my) "
        "(only|last) (option|way out|answer|solution)",
        "(suicide|killing myself|death|dying|ending it|ending my life) (is|seems|feels) my (only|last) "
        "(option|way out|answer|solution)",
    ]),
    ("active_ideation", "", [
        "(suicide|death|dying|ending it) (seems|feels|is) (to be|like) the only (option|way out) (left|for me|anymore)",
        "(suicide|death|dying|ending it) is my only (option|way out) (left|now|at this point)",
        "(do not|not) (want|wanna|need) to be (talked|talk) out of it",
        "(destined|bound|meant|fated) to (die by suicide|kill myself|end my life|end up killing myself)",
        "i (know|feel|think) i (will|am going to) (die by suicide|end up killing myself)",
    ]),
    ("plan", "self", [
        "how (easy|hard|painful|quick|fast|long|peaceful) (is it|would it be|will it be) to (die|overdose|od|bleed out|"
        "drown|suffocate) (by|from|with|using|of)",
        "how (easy|hard|painful|quick|fast|long|peaceful) (is it|would it be|will it be) to (overdose|od|bleed out|"
        "hang myself|hang yourself|kill myself|kill yourself)",
        "how (much|many) ~3 (is|are|would be|will be) enough to (kill me|die|overdose|od|end it|not wake up)",
    ]),
    ("plan", "subj end", [
        "(tied|tying|made|making|bought|have|got|built|fashioned) (a|the|my) (rope|makeshift|homemade|home made) noose",
    ]),
    ("plan", "subj", [
        "(tied|tying|made|making|have|got) (a|the|my) (rope|makeshift) noose "
        "(and|so|then|i|already|yesterday|last night|today|tonight)",
    ]),
    # Session 10 (read from Twitter dev misses, written anew): "nothing to live for" is a wish to
    # be dead in all but words (AFSP's warning sign "no reason to live"; "no reason to live" was
    # already here), "had enough of living", "this life" to be over, a voice or the writer's own
    # head commanding death, "telling myself to kill myself".
    ("passive_ideation", "", [
        "(have|had|got|with) nothing [left] to live for",
        "(had|have had|i have had|i had) enough of (living|being alive|existing|this life|my life|life and)",
        "(want|wanted|need|wish) (this life|life|this existence|my existence|my miserable life) to (end|be over|stop)",
    ]),
    ("passive_ideation", "end", [
        "(had|have had|i have had|i had) enough of (life|it all)",
    ]),
    ("active_ideation", "", [
        "(voice|voices|head|brain|mind|thoughts) ~4 (telling|tell|tells|told|saying|says|screaming|screams|"
        "whispering|whispers|ordering|orders) [at] me to (end it|end it all|die|jump|kill myself|end my life|"
        "hurt myself|cut myself|do it)",
        "(telling|tell|told|repeating|repeat|keep saying|say|saying) [to] myself (to kill myself|kill yourself|kys|"
        "to die|to end it|to end it all|you should die|you should kill yourself|just die|go die)",
    ]),
    # Session 10 (probes written from the issue's constructs: slang, means, farewells, time).
    ("active_ideation", "self", [
        "(suicide|killing myself|ending it|ending it all|unalive) [(idea|option)] [(is|has been)] (sounds|seems|looks|"
        "feels|looking|sounding|seeming|feeling) ~1 (good|nice|peaceful|appealing|tempting|attractive|better|"
        "comforting|like a relief)",
    ]),
    ("passive_ideation", "", [
        "(death|dying|not existing|not waking up) (is|has been|keeps) (looking|sounding|seeming|feeling) ~1 (good|"
        "nice|peaceful|appealing|tempting|attractive|better|comforting|like a relief)",
        "(death|dying) (sounds|seems|looks|feels) ~1 (good|nice|peaceful|appealing|tempting|attractive|better|"
        "comforting|like a relief)",
    ]),
    ("attempt_in_progress", "self end", [
        "i [have] [just] [already] (took|swallowed|downed|taken|drank) (the|a|my) (whole|entire|full) "
        "(bottle|pack|packet|box|strip|blister pack|prescription)",
        "i [have] [just] [already] (took|swallowed|downed|taken) (all|every one) of (them|my pills|my meds|the pills|"
        "the meds|my tablets|the tablets)",
    ]),
    ("active_ideation", "subj", [
        "(i am|i will be|i will|going to be) ending it [all] (tonight|today|now|soon|tomorrow|this weekend|right now|"
        "after this)",
        "ending it [all] (tonight|today|right now|this weekend) [(sorry|goodbye|bye)]",
    ]),
    ("active_ideation", "end nowith do_it", [
        "(i am|i will be) ending it [all]",
    ]),
    ("plan", "", [
        "i (know|have decided|decided|have figured out|figured out|have worked out|worked out|have planned|planned) "
        "(exactly|already) (how|when|where) (i am going to|i will|to) do it",
        "i (know|have decided|decided|planned) [exactly] (how|when|where) (i am going to|i will) do it and "
        "(when|where|how)",
    ]),
    ("plan", "self", [
        "(is|are|would|will) ~2 <means> [be] enough to (die|kill me|overdose|od|not wake up|never wake up|end it|"
        "end my life)",
        "(looked up|googled|researched|searched|checked|read up on|looking up|googling|researching) how (many|much) "
        "~1 <means> (would kill|would be lethal|is lethal|is a lethal dose|it takes to (die|overdose|od|not wake up))",
    ]),
    ("plan", "self end", [
        "(looked up|googled|researched|searched|checked|read up on|looking up|googling|researching) how (many|much) "
        "~1 <means> (it takes|you need|would do it|does it)",
        "(is|are|would|will) (#|# mg|# pills|# tablets|this many|that many) ~2 [be] enough to (die|overdose|od|"
        "not wake up|never wake up|end my life)",
        "(bought|buying|got|purchased|picked up) (a|the|my) <gun> ~4 not for (protection|hunting|self defense|"
        "the range|sport|target practice)",
    ]),
    ("farewell", "", [
        "(they|he|she|someone|somebody|my <relative>|my roommate|my flatmate) (will|are going to|is going to) find "
        "(me|my body|the letters|the note|my note|my letters|them|it) (tomorrow|in the morning|when|after|tonight|"
        "on monday|before)",
        "(wrote|written|left|leaving) (letters|a letter|notes|a note) (to|for) ~6 (they will|they are going to|"
        "he will|she will) (find|read|get) (them|it)",
        "(nobody|no one) (will|would) (miss me|notice|care) (when|after) i am gone (tomorrow|tonight|this weekend|"
        "soon)",
        "[(my|a|one)] (final|last) goodbye (to|for) (everyone|you all|all of you|the world|everybody|those)",
    ]),
    ("farewell", "end", [
        "i (have|have already|already|just|finally) (written|wrote|finished|left) my (note|last note|goodbye note|"
        "final note|letters|goodbye letters)",
    ]),
    ("farewell", "ordinary", [
        "(by|at) this time (tomorrow|next week|tomorrow night) i (will not|will no longer) be (here|around|alive|"
        "breathing)",
        "(by|before) (tomorrow|morning|tonight|the weekend|sunrise) i (will not|will no longer) be (here|around|"
        "alive|breathing)",
    ]),
    ("plan", "self", [
        "(stopped|stop|quit) taking my <means> [and] ~3 (saving|keeping|stockpiling|hoarding|collecting|hiding) "
        "them",
        "(cancelled|canceled) (all|all of) my (appointments|sessions|therapy|plans) ~3 (will not|do not) need them",
    ]),
    ("passive_ideation", "end", [
        "i am [(even|really)] (no longer scared|no longer afraid) (of|to) (dying|death|die) [anymore]",
        "i am not (scared|afraid) (of|to) (dying|death|die) anymore",
    ]),
    ("plan", "self", [
        "(which|what) (hurts|is|would hurt|would be|is more|is less) (less|least|more|most|worse|better|quicker|faster|"
        "easier|less painful|more painful|more certain|more reliable) ~1 (hanging|pills|an overdose|overdosing|"
        "jumping|drowning|cutting|a gun|shooting myself|od)",
        "(is|are|would|will) (jumping|falling|hanging|an overdose|overdosing|drowning|a fall|a jump) ~5 (always|"
        "usually|definitely|guaranteed|certainly) (fatal|lethal|deadly|enough to die|enough to kill)",
        "(mixing|going to mix|gonna mix|will mix|taking) (my|all my|the) <means> with (vodka|alcohol|booze|wine|"
        "whiskey|beer|tequila|rum|gin) (tonight|today|now|later|right now)",
    ]),
    ("attempt_in_progress", "self end", [
        "(parked|sitting|sat|i am|in the car) in the garage with the (engine|motor|car) (running|on)",
    ]),
    ("active_ideation", "self", [
        "(suicide|killing myself|ending it|ending my life) (is|has been|keeps|keeps being) [(always|constantly|still|"
        "again)] (on my mind|in my head|all i think about|all i can think about)",
        "(no|do not see a|can not see a|there is no|i see no) way out (other than|except|but|besides) (ending it|dying|"
        "death|suicide|killing myself|ending my life)",
    ]),
    ("passive_ideation", "", [
        "(no one|nobody|noone) would [even] (notice|care|miss me) if i (died|was gone|were gone|disappeared|vanished|"
        "killed myself|was dead|were dead|was not here|were not here)",
    ]),
    # "the budget cuts are cutting deeper than ever" is news: only with the writer as the subject or
    # opening a sentence ("cuts are deeper every time now"; session 16).
    ("self_injury", "severe subj", [
        "(cutting|cuts|cut|cuts are) ~4 (deeper|worse) (every time|each time|than ever)",
    ]),
    ("self_injury", "severe", [
        "i cut ~4 (can not|could not|will not|cannot) (get it to|make it) stop bleeding",
        "my (wrists|wrist|arms|arm|thighs|legs) ~6 blood everywhere",
    ]),
    ("plan", "self end", [
        "how (easy|hard|painful|quick|fast|long|peaceful) (is it|would it be|will it be) to (die|drown|suffocate)",
        "(find|finding|found|looking for|look for|searching for|need|want) (a|an|the) (easy|easiest|painless|quick|"
        "quickest|quiet|peaceful) way out",
    ]),
    # Session 11 (kinds read from SDCNL and Twitter dev misses, every phrase written anew): giving
    # up and dying, a life one cannot afford or was not meant for, "people like me" who should not
    # live, "done for real", a gun picked up with relief or to end it, goodbyes already said, a
    # question why to keep living.
    ("passive_ideation", "", [
        "(might as well|may as well|should|should just|could just|might just|better) [just] give up and die",
        "(people|someone|somebody|failures|losers|freaks|girls|guys) like me (do not|does not|"
        "should not) (deserve to be alive|deserve to exist|be alive|exist)",
        "i am (a|such a|just a) (failure|loser|waste|mistake) ~4 (failures|losers|mistakes|people like that) "
        "(should not|do not deserve to|do not get to) (live|be alive|exist)",
        "why (should|would|do|must) i (keep|even keep|bother|even bother) (living|going on|staying alive|"
        "being alive|existing)",
    ]),
    ("passive_ideation", "end", [
        "(i|i just|i literally|literally) (can not|cannot) afford to (live|be alive|stay alive|keep living) "
        "(anymore|any more|any longer|no more)",
        "(i am|i) [(just|simply|really)] not meant (for|to be in|to live in) this world [anymore]",
        "(i am|i) (done|finished) for real [this time]",
        # Session 16: filed under self-injury until now, which named "i'm done for good" self-injury.
        # Only at the end of a clause: "i'm done for good with that job" is about the job.
        "(i am|i) (done|finished) (with (everything|it all)|for good|forever) [(for good|forever)]",
    ]),
    ("active_ideation", "do_it", [
        "i should have [just] (done it|gone through with it|ended it|finished it) (when|while) i (had the chance|"
        "had the chance to|could|still could|had the guts)",
    ]),
    ("plan", "self", [
        "(get|getting|buy|buying|pick up|picking up|bought|got|picked up|collect|collecting) (a|the|my) <gun> ~6 "
        "(and|to|so i can) [finally] (end (this|it|it all|everything|my life)|be done|be free|rest)",
        "(get|getting|buy|buying|pick up|picking up|collect|collecting) (a|the|my) <gun> (tomorrow|today|tonight|"
        "this weekend) ~4 (relieved|relief|at peace|calm|finally)",
    ]),
    ("farewell", "weak", [
        "i (have|have already|already|finally) said [all] my goodbyes",
        "(if|whether) (you|anyone|anybody|people|you all|any of you) (will|would) (miss|remember) me",
    ]),
    ("crisis_state", "", [
        "(can not|cannot|could not) stop (crying|shaking|panicking|screaming) ~3 (please help|help me|i need help|"
        "someone help)",
    ]),
    # Session 11, second reading: a gun held to the head, a plan made for today, courage found to carry
    # out "my plan", a poison bought and a place chosen, a body someone will find, a decision taken,
    # whether it is selfish, regret at not having done it, rather not existing, questions of pain
    # and options, relief found at a time, not lasting long.
    ("plan", "self", [
        "(put|putting|puts|hold|holding|held|press|pressed|pressing) (a|the|my) <gun> (in|into|to|against) my "
        "(mouth|head|temple|chin|chest)",
        "(struggle|struggling|trying|try|fighting) not to pull the trigger",
        "(planned|was planning|had planned|had it planned) (on|to) (dying|die|kill myself|killing myself|end it|"
        "ending it|end my life|ending my life) (today|tonight|yesterday|last night|this morning|this week)",
        "(already|have|had|finally) (decided|desided|made up my mind) (on|to) (ending it|end it|ending it all|"
        "end it all|killing myself|kill myself|suicide|dying|die|ending my life|end my life)",
        "(is|are|would be) ~4 still (a|an) (option|place|spot|way) (for|to commit|to do) suicide",
        "(is it|it is|would it be|it would be) still (possible|available|easy|open) to jump (off|from)",
        "(is|would|will) (hanging|drowning|jumping|an overdose|overdosing|bleeding out|suffocating|shooting "
        "yourself|shooting myself|a gunshot|slitting your wrists|slitting my wrists) [(too|really|very|so)] "
        "(painful|quick|painless|fast|peaceful|instant|slow|hurt)",
    ]),
    ("plan", "self end", [
        "(bought|ordered|got|have|received) [some|the] (sn|sodium nitrite|nitrite)",
    ]),
    ("plan", "do_it", [
        "(grown|grew|got|found|have|had|mustered) the (balls|guts|courage|nerve) to (fulfil|fulfill|carry out|"
        "execute|go through with|follow through with|follow through on) (my|the) plan",
        "(wondering|deciding|thinking about|figuring out|working out|not sure) where to (take it|do it|go to do it)",
    ]),
    ("active_ideation", "self", [
        "(quick|one|single) (shot|fire|bullet|pull of the trigger) (into|to|in|through) my (head|brain|temple)",
        "(is it|would it be|it is|it would be|more|less) selfish (to|if i) [just] (end it|end my life|kill myself|"
        "die|commit suicide|leave this world|take my life)",
        "(regret|regretting) (not|never) (ending my life|killing myself|ending it|going through with it)",
        "(did not|have not|never) (kill myself|do it|end it) (tonight|today|this time|yet) ~2 (but) (i|i almost|"
        "i nearly) (could have|almost did|nearly did|wanted to|came close)",
    ]),
    ("passive_ideation", "", [
        "(i would|i had) [(much|honestly|really|just)] rather [just] (not exist|not be born|never have been born)",
        "(fantasize|fantasise|fantasizing|fantasising|daydream|daydreaming) (about|of) (death|my death|dying|"
        "my own death|being dead|not existing) (in detail|in detailed ways|every day|all the time|constantly)",
    ]),
    ("passive_ideation", "end", [
        "(i would|i had) [(much|honestly|really|just)] rather [just] (not be alive|not be here|not wake up)",
        "(fantasize|fantasise|fantasizing|fantasising|daydream|daydreaming) (about|of) (death|my death|dying|"
        "my own death|being dead|not existing)",
        "(people|someone|somebody|failures|losers|freaks|girls|guys) like me (do not|does not|should not) "
        "(deserve to live|live)",
        "i (know|feel|think) i (will not|am not going to) (last|make it|be around) (long|much longer|another year|"
        "enough)",
    ]),
    ("active_ideation", "do_it", [
        "(i have not|have not|i did not|not) ruled (it|suicide|that|dying|ending it) out",
        "(it|suicide|dying|ending it|that) (is|is still) not off the table",
    ]),
    ("farewell", "ordinary nobefore", [
        "(you|all of you|you all|everyone|everybody|nobody|no one) (will not|will never) (have to|need to) (deal with|"
        "put up with|worry about) me (again|anymore|any more|ever again)",
    ]),
    ("farewell", "ordinary", [
        "(someone|somebody|they|my family|my <relative>|the police) (will|would|is going to|are going to) "
        "[have to] find my (body|corpse)",
    ]),
    ("farewell", "ordinary end", [
        "(i will|i am going to|i am gonna) [finally] (find|be at|have) (peace|relief) (soon|this weekend|tonight|"
        "tomorrow|today|this week)",
    ]),
    ("farewell", "weak ordinary", [
        "(thank you|thanks) for putting up with me [for (this|so) long]",
    ]),
    # Session 11, third reading: courage wished for, "might as well do it now", an urge to use a
    # sharp thing on the neck, a date set, dying "the sooner the better", a death that would help
    # others, the quickest way, being close to downing pills, how painful a method is, cuts counted
    # by the day.
    ("active_ideation", "do_it", [
        "(courage|guts|balls|nerve) to (actually|finally|just) (do it|go through with it)",
        "(if only|wish|i wish) i had the [fucking] (courage|guts|balls|nerve)",
        "might as well (do it|end it|get it over with) (now|tonight|today|already)",
    ]),
    ("active_ideation", "self", [
        "(urge|urges|tempted) to (shove|stab|stick|plunge|put) (it|the glass|a knife|the knife|the blade|a shard) "
        "(in|into) my (neck|throat|wrist|chest)",
        "(easiest|quickest|fastest|most painless|least painful|surest) to kill (yourself|myself)",
    ]),
    ("passive_ideation", "", [
        "(die|dying|death|i am dead|i die|i am gone) ~3 the sooner the better",
        "(anytime|whenever|if) i (can|could) die (would be|is|will be) (great|nice|good|fine|a relief|a blessing)",
        "(my|your) death would (improve|better|help|make better|make easier) ~3 (lives|life|everyone|everybody|family)",
        "(not sure|do not know|no idea) if i am (still) going to (live|be alive|be around|make it) [(much longer|"
        "past|until|to see)]",
    ]),
    ("plan", "self", [
        "(so close to|about to|close to|ready to|this close to) (downing|swallowing|taking|overdosing on|necking) ~4 "
        "(pills|<means>|them all|all of them|the bottle|the whole bottle|the lot)",
        "how (painful|quick|fast|painless|long|slow|peaceful) is (hanging|drowning|jumping|an overdose|overdosing|"
        "bleeding out|suffocating|carbon monoxide)",
        "is (hanging|drowning|jumping|an overdose|overdosing|bleeding out|suffocating|carbon monoxide) (a|the) "
        "(painless|quick|peaceful|good|easy|sure|fast|quiet|reliable) way",
    ]),
    ("self_injury", "", [
        "i (cut|burn|hit|scratch) [myself] (#|# #|# or #|# to #) times (a|per|every) (day|night|week)",
    ]),

    # Session 11, fourth reading: leaving this world, losing the will to live, the one reason left,
    # a death preferred to suicide, lethal doses asked about, a poison that "will kill me", pills counted
    # out, wanting out, nothing holding one back from the other side, doing it "instead" of posting.
    ("passive_ideation", "", [
        "(i|i just|i really|i honestly) (want|wanna|need|wish) to leave this (world|earth|life|planet)",
        "lose the will to live",
        "the only (reason|thing) (i am|why i am|that i am) (not dead|still alive|still here|alive)",
        "(i would|i had) (rather|prefer to) die (from|of|in) ~4 than (suicide|kill myself|by suicide)",
    ]),
    ("passive_ideation", "end", [
        "i (really|finally|honestly) want out",
    ]),
    ("plan", "self end", [
        "(counted out|counting out) (all|all of) (my|the) (<means>|pills)",
    ]),
    ("active_ideation", "self end", [
        "(only|the only) (thing|things|reason|person|people) (keeping|stopping|holding) me [back] from it",
        "(nothing|nobody|no one) is (holding|keeping) me (back|here) [anymore]",
        "(no reason|no other reason) (holding|keeping) me (back|here) [anymore]",
    ]),
    ("active_ideation", "self", [
        "(holding|keeping) me (back|here) from (the other side|ending it|doing it|the edge|killing myself)",
        "(nothing is|nobody is|no one is|no reason|no other reason) (holding|keeping) me (back|here) from "
        "(the other side|ending it|doing it|the edge|killing myself)",
        "instead of (doing it|killing myself|ending it|ending my life) (just now|tonight|today|right now)",
    ]),
    ("plan", "self", [
        "(what is|whats|what would be|how much is) (the|a) (lethal|fatal|deadly) (dose|amount) (of|for) ~2 <means>",
        "(lethal|fatal|deadly) (dose|amount) ~4 i (have|got|bought)",
        "how (much|many) ~1 <means> (will|would|does|do) it take",
        "(will|would|could|can) ~2 (sodium nitrite|nitrite|<means>) kill me",
        "(counted out|counting out) ~3 (<means>|pills) (and|then) (took|swallowed|downed|taken)",
    ]),
    ("farewell", "weak", [
        "(it was|it has been|what) a (fun|good|great|wild) ride (while it lasted)",
        "(only|just) (delaying|postponing) the inevitable",
        "(i am sorry|sorry) to everyone who (tried|ever tried|tried to help)",
        "see you (next time around|on the flip side|in the next one)",
    ]),

    # Session 11, fifth reading: notes written to the people who matter, how much it takes to
    # overdose, a list of ways to go, a noose kept ready, courage wished for to jump, doing the world
    # a favour, rather dead than being oneself, urges to tap out, not ready to live.
    ("plan", "self", [
        "how (much|many) ~2 (will|would|does|do) it take ~4 to (overdose|od|die|not wake up)",
        "(came up with|thought of|thought up|listed|made a list of|have|found|know) (#|a few|some|several|two|three|"
        "four|five) (ways|methods|options) (i can|i could|to) (die|end it|kill myself|end my life)",
        "(have|had|keep|kept|always had|always have|still have) (a|the|my) (noose|rope noose) (in|at|up|ready|for|"
        "hidden|under|behind|tied)",
    ]),
    ("active_ideation", "self", [
        "(wish|if only) i (could find|could get|could have|had|would have|would find|found) the (courage|guts|nerve|"
        "balls) to (end it|kill myself|pull the trigger|end my life|take my life)",
    ]),
    ("passive_ideation", "nobefore", [
        "(urge|urges|want|wanting) to tap out",
    ]),
    ("plan", "self end", [
        "(came up with|thought of|thought up|listed|made a list of|found) (#|a few|some|several|two|three|four|five) "
        "(ways|methods|options) (i can|i could) go",
    ]),
    ("active_ideation", "self end", [
        "(wish|if only) i (could find|could get|could have|had|would have|would find|found) the (courage|guts|nerve|"
        "balls) to jump",
    ]),
    ("passive_ideation", "", [
        "why (should not|would not|do not) i (just) (do the world a favor|do the world a favour|do everyone a favor|"
        "do everyone a favour)",
        "rather (die|be dead) than (have to be me|be me|keep being me|live like this|go on like this|keep living|"
        "keep going|live another day|wake up again)",
        "(do not think|do not know if|not sure) i am (prepared|ready|strong enough|able|meant) to (live|keep living|"
        "go on living|stay alive)",
    ]),


    # Session 12, sixth reading (SDCNL dev misses read for kinds; every phrase written anew): thoughts
    # of it every single day, pulling one's own plug, no reason to keep existing, nothing left to be
    # alive for, the will to keep going lost, doubt about lasting, nowhere to escape but death, a suicide
    # plan of one's own, pills counted out and taken, a gun pointed at one's own head, a cocktail of
    # cleaning products, a car flipped on purpose, suicide that seems appealing, not planning to live
    # long, not built to survive, no other way to die, not killing oneself "tonight", asking why one
    # should not, a method selected, an attempt that failed, "this is it".
    ("active_ideation", "self", [
        "not a day goes by (where|when|that|without) ~3 (think|thinking|thought) (about|of) (doing it|suicide|"
        "ending it|ending it all|killing myself|ending my life|kms|taking my life)",
        "(pull|pulling|pulled) (my|my own) plug",
        "(nowhere|no where|no place|nothing|no one|nobody) (to escape|to run|to turn|to go) [to] (but|except|other than|"
        "besides|apart from) (death|dying|suicide)",
        "(did not|didnt) (kill myself|end it|end my life|take my life) (tonight|today|last night|yesterday|this time)",
        "why [(the fuck|the hell|tf)] should i not [just] (kill myself|end it|end it all|end my life)",
        "why i (should not|should not just) (kill myself|end it|end my life)",
        "(suicide|killing myself|ending my life) (feels|seems|looks|sounds) [(more|most|very|pretty|quite|"
        "increasingly|the most)] (optimal|appealing|tempting|attractive|inviting|peaceful|like a relief)",
    ]),
    ("active_ideation", "self end", [
        "(pull|pulling|pulled) the plug on (myself|my life|my own life)",
    ]),
    ("passive_ideation", "", [
        "not a day goes by (where|when|that|without) ~3 (think|thinking|thought) (about|of) (dying|death|being dead|"
        "not existing|not being alive)",
        "(no|not a single|not one|zero|any|no more) (reason|reasons) [left] to (keep on|go on|carry on|keep) "
        "(living|existing)",
        "(no|not a single|not one|zero|no more) (reason|reasons) [left] to (exist|be alive|continue living|"
        "continue existing)",
        "what [else] is there [(for me|left)] to (live|be alive|stay alive|keep living) for",
        "(nothing|nothing else|nothing left|nothing more) [for me] to (be alive|stay alive|keep living) for",
        "(losing|lost|lose|lost all|losing all|losing my|lost my|lost the|losing the|no|zero|little|have no|"
        "had no) (will|desire|wish|motivation) to (keep living|go on living|stay alive|be alive|exist|keep existing)",
        "(do not think|not sure|doubt|do not know if|wonder if) i (can|could|will|am going to) (keep going|"
        "go on|keep living|survive|make it) (much longer|any longer|another day|another week|another night|"
        "through the night|through tonight)",
        "(can not|cannot|could not|do not) (see|imagine|picture) myself dying (any other way|of old age|"
        "of natural causes|naturally|in any other way)",
    ]),
    ("passive_ideation", "end", [
        "(do not|not) (plan|planning) on (living|being alive|being around|staying alive) (much longer|for long|"
        "(past|beyond|more than|longer than) (#|a decade|a few more years|another year))",
        "(do not|not) (plan|intend|expect) to (live|be alive|be around|stay alive) (much longer|for long|"
        "(past|beyond|more than|longer than) (#|a decade|a few more years|another year))",
        "(losing|lost|lose|lost all|losing all|losing my|lost my|lost the|losing the|no|zero|little|have no|"
        "had no) (will|desire|wish|motivation) to (keep going|go on|carry on)",
        "(if|whether) i (can|will|am going to|could) make it through (tomorrow|the night|tonight|another day)",
        "(i am|i was|i) [(just|simply|literally)] not (meant|built|made) to (survive|be alive|exist|make it)",
        "(i|i just|i still|i am|i am still) (feel|felt|feeling) like dying",
        "(decide|deciding|figure out|figuring out|choose|choosing) (if|whether) i (want|still want) to live",
    ]),
    ("passive_ideation", "", [
        "(i|i just|i still|i am|i am still) (feel|felt|feeling) like dying (again|every day|all the time|lately|"
        "constantly|most days|more and more|each day)",
        "(decide|deciding|figure out|figuring out|choose|choosing) (if|whether) i (want|still want) to (die|"
        "keep living|stay alive)",
        "why (should not|would not|do not) i do (the world|everyone|everybody) a (favor|favour)",
        "why should i not [just] do (the world|everyone|everybody) a (favor|favour)",
    ]),
    ("plan", "self", [
        "my suicide (plan|plans|date|method)",
        "(rework|reworking|change|changing|revise|revising|update|updating|finalize|finalise|finalizing|finalising) "
        "my (plan|plans) (to die|to kill myself|to end it|for suicide|to end my life)",
        "(pointing|pointed|point|aiming|aimed|aim) (a|the|my|our|his|her|dads) <gun> (at|to|against|into|in) "
        "my (head|skull|temple|mouth|chin|face)",
        "(hold|holding|held|press|pressing|pressed|put|putting) (our|his|her|dads) <gun> (in|into|to|against|at) "
        "my (mouth|head|temple|chin|chest|skull)",
        "(hold|holding|held|press|pressing|pressed|put|putting) (a|the|my) <gun> at my (head|temple|skull)",
        "(pointing|pointed|aiming|aimed) ~3 at my (skull|temple)",
        "(method|way) of suicide i (selected|chose|picked|have chosen|decided on|settled on|will use|am going to use)",
    ]),
    ("attempt_in_progress", "self", [
        "(counted out|counted) and (took|swallowed|downed|taken) ~3 (pills|tablets|<means>)",
    ]),
    ("method", "frame method", [
        "(make|making|mix|mixing|drink|drinking) (a|the|some) (cocktail|mix|mixture) of (cleaning|chemicals|"
        "cleaning products|bleach|pills|meds|<means>|poison)",
        "(flip|flipping|roll|rolling|swerve|swerving|veer|veering) my (car|truck)",
    ]),
    ("active_ideation", "do_it", [
        "(the only|only) (thing|person|one|reason) (stopping|keeping|holding) me [back] (is|are) (my|the thought of my) "
        "(<relative>|<keepsake>|family|kids)",
        "(i|i just) (think|thought) about doing it (every day|all the time|a lot|constantly|daily|every night)",
    ]),
    ("past_attempt", "end subj", [
        "attempt failed",
    ]),
    ("farewell", "weak end", [
        "this is it",
        "this is my (note|letter)",
    ]),
    ("farewell", "weak", [
        "(it was|it has been|it is been|what) fun while it lasted",
        "(soon|almost|nearly) (it will|it is going to) [all] be over",
        "(it is|it will be|it will all be|it is all) (soon|almost|nearly) [to be] over",
    ]),
    # Session 13 (seventh reading: probes written from kinds seen among the Twitter dev misses; every
    # phrase written here): a day named as the day of one's death, wondering how a fall from a height
    # feels, no wish to fight on, joining the dead, too hurt or tired to go on, a noose or pills ready.
    ("active_ideation", "end", [
        "(today|tonight|tomorrow) (is|will be|is going to be) the (day|night) (i die|i end it|i kill myself|"
        "i finally die|i finally end it|i do it)",
        "(guess who|guess who is|guess who will) (going to|gonna|will) die (today|tonight)",
    ]),
    ("passive_ideation", "end", [
        "(wonder|wondering|wondered|curious|think about|thinking about|thinking) (how|what) (it|it would|would it) "
        "(feels|feel|be like|is like) to (jump|jumping|fall|falling|throw myself) (off|from) (a|the|my) ~2 "
        "(<height>|building|tower|skyscraper|parking garage|car park|apartment|story building|storey building)",
        "(what does it|how does it|what would it|how would it) feel [like] to (jump|fall|throw myself) (off|from) "
        "(a|the|my) ~2 (<height>|building|tower|skyscraper|parking garage|car park|story building|storey building)",
        "(do not|can not|no longer) (want to|have the strength to|have it in me to) (fight|keep fighting|fight on) "
        "[this|it] [anymore|any longer|any more]",
        "(tired of|sick of|done) fighting (this|it|to stay alive|to live|to keep going|for my life)",
        "(can not|cannot) (keep fighting|fight|keep on fighting) [this|it] (anymore|any longer|any more)",
        "too (hurt|tired|broken|exhausted|weak|numb|sad) to (go on|keep going|carry on)",
    ]),
    ("passive_ideation", "end", [
        "(let me|take me|i want to|i just want to|i wish i could|i need to) (join|be with|go with|come with) "
        "(you|him|her|them|my <relative>|my grandparents|my baby|my best friend) (in heaven|up in heaven|up there in heaven)",
        "(take me|let me come|let me go) with you (to heaven|up to heaven|up there|wherever you are)",
    ]),
    ("active_ideation", "subj", [
        "(going to|gonna|will|want to|about to|planning to|ready to) (swerve|drive|crash|steer|veer) [my car|the car] "
        "into (a|the) (tree|wall|pole|truck|river|lake|barrier|oncoming traffic|traffic|semi|bridge pillar|lorry)",
    ]),
    ("passive_ideation", "", [
        "(does|do|will|would|can) [my|the|a] ~1 (life insurance|insurance|policy) ~2 (cover|covers|pay|pays|pay out|"
        "payout|still pay) ~3 (suicide|if i kill myself|if i die by suicide)",
        "(my|the) (life insurance|insurance policy|policy) ~2 (pays|pays out|covers|cover|pay) ~3 (suicide|if i kill myself)",
    ]),
    ("plan", "", [
        "(what|which|how much) (height|floor|story|storey|distance|drop) ~5 (jump|fall|jumping|falling) ~3 "
        "(not survive|to die|be fatal|be sure|kill you|kill me|be lethal|for sure)",
    ]),
    ("passive_ideation", "", [
        "(i have|i have got|i got|i only have|i have only got|got) [exactly|only|just] (#|a few|two|three|four|five|"
        "six|seven|ten) (days|weeks|hours|months) (left to live|of life left)",
    ]),
    ("lethal_means", "possession athand end", [
        "(i have|i have got|i got|got|i have had) (the|a|my) (<hang>|<means>) (ready|set up|tied|prepared|laid out|"
        "all set|all ready|counted out|lined up)",
    ]),
    # Session 14 (eighth reading: probes written for chat messages, and kinds seen among the SDCNL
    # and Twitter dev misses; every phrase written here): death that cannot come soon enough, not
    # minding never waking up, wishing for a crash or a heart that stops, counting the days until one
    # dies, six feet under, kicking the bucket, tired of waking up; suicide as the answer, how easy it
    # would be to end it, roping (slang), walking into the sea and not coming back, driving off a
    # cliff; how to cut a wrist or tie a noose, whether an overdose hurts, how much is enough to kill
    # me; never to be heard from again, watching over everyone from above; an urge to cut.
    ("passive_ideation", "", [
        "death (can not|cannot|could not|will not|does not) come (soon|fast|quick|quickly) enough",
        "(can not|cannot) wait (until|till|til|for the day) (i am dead|i die|i can die|i finally die|death comes)",
        "(counting|count|counted) down (the|my) days (until|till|til|before|to) (i die|i am dead|i can die|my death)",
        "(hope|hoping|pray|praying|wish) my heart (stops|will stop|would stop|gives out|gives up) (in my sleep|tonight)",
        "(want to|wanna|wish i could) (stop breathing|cease to exist|take a dirt nap|be worm food) [forever]",
    ]),
    ("passive_ideation", "end", [
        "(would be|would honestly be|would be totally|would be perfectly) (fine|okay|ok|happy|glad|relieved|at peace) "
        "if i (never|did not|do not|would not) (woke|wake) up [again|tomorrow]",
        "(would not|do not) (mind|care) if i (never|did not|do not) (woke|wake) up [again|tomorrow]",
        "(would not|do not) (mind|care) (if|when) (a|the|some) (bus|car|truck|train|drunk driver|lorry) "
        "(hit|hits|ran me over|runs me over|killed|kills|took me out) [me]",
        "(pray|praying|prayed|beg|begging) [every night|each night|at night] [that] i (do not|will not|never|would not) "
        "wake up [again|tomorrow|in the morning]",
        "(hope|hoping|wish|praying) (this|the|my) (plane|flight|bus|train) crashes",
        "(hope|hoping|wish|pray|praying) (something|someone|somebody) (kills|will kill|would kill|kill) me",
        "(crawl|curl up|curl) (in|into) (a|some) (hole|ditch|corner) and die",
        "what is the point (in|of) (living|being alive|staying alive|existing|going on|carrying on)",
        "(do not|never) (feel|think) (like|that) i deserve to (live|be alive|exist)",
        "(want to|wanna|ready to|would rather) be (six|#) feet under",
        "(wish|wishing) i (was|were) (six|#) feet under",
        "(do not|no longer) have (much|a lot|a ton|many reasons|any reasons|anything|any reason) [left] to live for",
        "(no|not any) reason for me to (live|keep living|be alive|stay alive)",
        "(tired|sick|exhausted) of waking up [every day|every morning|each day|each morning]",
        "(done|finished) with being alive",
        "(want to|wanna|ready to|i am about to|i am going to|i am gonna) kick the bucket",
        "(want|wish|need) my heart to (stop|stop beating|give out)",
        "(want to|wanna) go to heaven (early|now|already)",
        "(planning|planned|plan) my own funeral",
        "(been|am|started|start|keep) planning my funeral",
        "(please|dear|oh) (god|lord) [please] take me [now|already|away|home]",
        "(god|lord) please take me [now|already|away|home]",
    ]),
    ("active_ideation", "", [
        "suicide (is|seems like|feels like|looks like) (the|my) [only] (answer|solution)",
        "how is (suicide|killing myself|ending it) not the (answer|solution|only option)",
        "how easy it would be to (end it|end it all|die|kill myself|end my life|end things|overdose|kms)",
    ]),
    # "I'm gonna rope" (slang for hanging oneself); not "rope in my brother", "rope off the area".
    ("active_ideation", "subj end", [
        "(gonna|going to|time to|about to|want to|wanna|bout to|ready to|finna|should just|might just|will) rope",
        "roping (tonight|today|myself)",
    ]),
    ("active_ideation", "subj", [
        "[going to|gonna|want to|wanna|will|about to] (walk|walking|swim|swimming|wade|wading) (into|out into) the "
        "(sea|ocean|river|lake|waves) (and|to) (never|not) (come|coming) back",
        "(going to|gonna|want to|wanna|will|about to|planning to|thinking about|thinking of) (drive|driving|swerve|"
        "swerving) [my car|the car] off (a|the) (cliff|bridge|overpass|pier)",
    ]),
    ("plan", "self", [
        "how (deep|hard|far) ~4 cut ~3 (vein|veins|artery|arteries|wrist|wrists)",
        "how to (cut|slit|slice|open) (a|your|the|one's) (wrist|wrists|veins|vein|artery)",
        "how (do you|do i|to|can i|would i|should i|does one) tie a (noose|hangman's knot|hangman knot|hangmans knot)",
        "(looked up|looking up|googled|googling|searched|searching|learned|learning|watched|watching) how to tie a "
        "(noose|hangman knot)",
        "(is it|would it be|will it be) (painful|quick|painless) to (overdose|od|hang myself|hang yourself|drown|"
        "bleed out|bleed to death)",
        "(does it|would it|will it) hurt to (overdose|od|hang myself|hang yourself|drown|bleed out|bleed to death)",
        "(can|could|would|will) (you|i|someone|a person|one) die (from|of|by) [taking|swallowing|eating] (a|the|an) "
        "(whole|entire|full) (bottle|pack|box|packet) of <means>",
        "(how much|how many) (is|would be|will be|are) enough to (kill me|not wake up|end it)",
    ]),
    ("lethal_means", "possession athand end", [
        "(buying|picking up|pick up|getting|get|collecting) (a|the) <gun> (tomorrow|today|tonight|this weekend)",
        "(holding|have been holding|i am holding) (the|a|my) (<means>|bottle of <means>) [in my hand|right now]",
        "(sitting|sat|lying|laying) (here|in bed|in my room|in the car|in the bathroom) with (a|the|my) (bottle of <means>|"
        "<means>|<gun>|<hang>|razor|blade)",
        "(have|got) (the|a|my) (<gun>|razor|blade|bottle of <means>) in my (hand|hands|lap)",
    ]),
    ("farewell", "end", [
        "you (will|are going to|all will) never (hear from me|see me) again",
        "(nobody|no one) will ever (hear from|see) me again",
    ]),
    ("farewell", "", [
        "i will [always] be watching over (you|you all|you guys|all of you|everyone) from (above|up there|heaven|"
        "the other side|the stars)",
    ]),
    ("farewell", "weak end", [
        "i will [always] be watching over (you|you all|you guys|all of you|everyone)",
        "please (do not|never) forget me",
        "it (has|is) been a good run",
    ]),
    ("self_injury", "end", [
        "(need|want|urge|itching|craving) to cut (so bad|so badly|really bad|really badly|tonight|again|right now)",
        "(need|needing) to cut",
    ]),
    # Session 14, second part (probes written for the constructs of issue #14: method questions,
    # means without the words, severe self-injury, finality, disclaimed wishes, slang).
    ("plan", "self", [
        "(fastest|quickest|easiest|best|least painful|most painless|surest) way to (bleed out|bleed to death|"
        "drown myself|drown yourself|suffocate myself|hang yourself|hang oneself)",
        "where (do|should|would|can) (i|you|one) cut to (bleed out|bleed to death|die)",
        "bleed out (fastest|faster|quickest|quicker|quickly|fast|the fastest|the quickest)",
        "which (vein|veins|artery|arteries) ~4 (cut|slit|slice)",
        "how (much|many) <means> (before|until|till) (your|my|the|a) (liver|kidneys|heart|body) (fails|fail|shuts down|"
        "shut down|stops|gives out|give out)",
        "can (you|i|someone|a person|one) survive (jumping|a jump) (from|off) # (stories|storeys|floors|"
        "meters|metres|feet)",
        "(saving|saved|hoarding|hoarded|stashing|stashed|stockpiling|stockpiled|collecting) [up] (razor blades|blades)",
        "i (know|picked|chose|found|have picked|have chosen|have found|checked) the (spot|place|point|curve|bend) "
        "where (the train|the trains|trains|the train does not|they) (do not|does not|never|will not) (slow down|stop|"
        "brake)",
        "(tested|test|testing) (it|the knot|the rope|the belt|the cord) on (the|my) (closet rod|beam|ceiling fan|"
        "banister|bannister|shower rod|door frame|pull up bar|rafter)",
    ]),
    # "how many floors is enough", "is 10 floors high enough" end the question ("... to see the fireworks").
    ("plan", "self end", [
        "(is|are|would be) (carbon monoxide|co poisoning|helium|nitrogen|exhaust fumes|hanging|drowning|bleeding out|"
        "an overdose|overdosing|suffocation) (painless|peaceful|quick|instant|painful)",
        "how long (until|till|before|does it take (to|for|until)) (you|i|one|someone|a person) (pass out|passes out|"
        "lose consciousness|loses consciousness|die|dies|black out|blacks out) (from|when|by|while) (hanging|drowning|"
        "bleeding out|carbon monoxide|an overdose|overdosing|suffocation|a rope|a belt)",
        "how many (floors|stories|storeys|meters|metres|feet) (is|are|would be|will be) enough",
        "(is|are|would|will) # (floors|stories|storeys|meters|metres|feet) [be] (high|tall|enough|high enough|"
        "tall enough)",
        "(least painful|most painless|painless|quickest|easiest|surest|most peaceful) (method|methods)",
        "i (know|picked|chose|have picked|have chosen|found) (which|the) (bridge|building|overpass|spot|cliff|tree)",
    ]),
    ("plan", "weak", [
        "(counted|counting|count) (them|it|the pills|my pills|the tablets) (out|up)",
        "(nobody|no one|noone) asked (why|what it was for|what it is for|what for)",
    ]),
    ("plan", "weak end", [
        "(that|this|these|they) (should|will|would|ought to) be enough",
    ]),
    ("plan", "weak end", [
        "(<hang>) and (the|a|my) (door|door frame|doorknob|beam|closet rod|ceiling fan|banister|shower rod)",
    ]),
    ("lethal_means", "possession athand end", [
        "(stood|stand|sat) (at|on) the (edge|ledge) [of the (roof|building|bridge|parking garage|garage|car park|"
        "balcony|platform|overpass)]",
        "(i am|i am standing|i am sitting|i am lying|standing|sitting|lying) on the (train tracks|tracks|railway "
        "tracks|railroad tracks|rail tracks|railway line)",
        "(the|my) (<hang>|<gun>|razor|razors|blades|razor blades) (is|are) (in|under|behind) my (closet|bed|drawer|"
        "pillow|desk|backpack|car)",
        "(the|my) <means> (are|is) (lined up|counted out) on (the|my) (nightstand|desk|bed|bedside table|table|"
        "floor|counter)",
    ]),
    ("self_injury", "severe", [
        "(i can|can|could|you can) see [the] (fat|fat tissue|the fat|bone|the bone|tendon|tendons|white layer|"
        "yellow fat) ~3 (cut|cuts|wound|wrist|arm|thigh)",
        "(cut|cuts|cutting) ~4 (can see|could see|see) [the] (fat|bone|tendon|yellow fat|white layer)",
        "(passed out|blacked out|fainted) (after|from|while) (cutting|i cut|self harming|hurting myself|bleeding)",
        "(dizzy|lightheaded|light headed|faint|woozy) from (cutting|the cuts|bleeding so much|losing so much blood)",
    ]),
    ("self_injury", "weak severe", [
        "(probably|definitely|think i|i) need stitches but (i will not|i am not going to|i do not want to|i can not|"
        "i cannot|i refuse to|i am not) (go|going)",
    ]),
    ("farewell", "ordinary", [
        "(none of this|nothing) will matter (because|cause|since|when|once) i (will not|am not going to) be "
        "(here|around)",
        "(will not|am not going to) be a (problem|burden) for (anyone|anybody|you|them|you all) (after|past) "
        "(tonight|today|tomorrow|this week|this weekend)",
    ]),
    ("passive_ideation", "end", [
        "(wish|wished|want) i (could|would) not be here [anymore|any more]",
        "(wish|wished) i could [just] not be (here|alive|around) [anymore|any more]",
        "(want to|wanna|wish i could|going to) (fade away|fade out) (forever|for good|and never come back)",
        "(and|to) (not|never) respawn",
    ]),
    ("passive_ideation", "subj end", [
        "(vanish|disappear) and never come back",
    ]),
    ("passive_ideation", "frame", [
        "(alt f4|ctrl alt delete|unsubscribe from|log out of) (my life|existence|this life)",
        "(go|going) (skydiving|sky diving|bungee jumping) without a (parachute|chute|cord)",
        "take (the|a) long walk off (the|a) short pier",
    ]),
    # Session 16 (the means, emoji and slang reading): the means laid out or hidden, bought with no
    # reason given, the bridge with time spent looking down, the tracks while waiting for a train,
    # "made peace with everyone, i'm ready", "checking out for good", "kys myself".  Look-alikes in
    # tests/test_screening_reading_means.py.
    ("plan", "self", [
        "<hang> [and] [(a|the|my)] (chair|stool) [and] [(a|the|my)] (note|letter|letters)",
    ]),
    ("plan", "self end", [
        "(bought|got|ordered|picked up) (a|some|the) (rope|noose|gun|pistol|shotgun|razor|razors|blades|pills) ~4 "
        "(not|never) (telling|tell|going to tell|gonna tell|saying) (anyone|anybody|nobody|a soul) "
        "(why|what for|what it is for)",
    ]),
    ("lethal_means", "possession athand", [
        "(have|keep|got|keeping) [(a|the|my|some)] <sharp> (hidden|stashed|tucked away|hid) (under|in|behind|inside)",
        "(keep|keeping|have) [(a|the|my|some)] (blade|blades|razor|razors|razor blades) ~4 (just in case|"
        "for when i need it|for when i need them)",
        "(keep|keeping|have) [(a|the|my|some)] <sharp> ~4 (for when i need it|for when i need them)",
        "(been|i have been|i am|sitting|standing) on the (bridge|roof|rooftop|ledge|overpass) ~2 for (an hour|hours|"
        "a while|like an hour|about an hour|a long time) ~1 (looking|staring|gazing) [down] (at|into) the (water|drop|"
        "river|tracks|ground|traffic|edge)",
    ]),
    ("lethal_means", "possession athand end", [
        "(sitting|sat|lying|lay|laying) (by|next to|beside|on) the (tracks|railway|rail line|train tracks|rails) ~2 "
        "(waiting|wait) for (the|a) [next] train",
    ]),
    ("farewell", "end", [
        "made (peace|my peace) with (everyone|everybody|everything|it all|my family) ~3 (i am|am|and i am) ready",
    ]),
    ("farewell", "end", [
        "(i am|am|i will be) (checking|logging|signing|tapping) out (for good|permanently|forever)",
    ]),
    ("active_ideation", "", [
        "kys myself",
    ]),
    # Session 16 (long posts and self-harm severity reading, issue #14; phrases written for it).
    # Self-harm said the way chat says it: a bare "i cut" with a time or "again", "sh", a burn or a
    # cut "on purpose".  "i cut my hair again" names what was cut, so it never matches.
    ("self_injury", "", [
        "i (cut|sh|shd|self harmed) again",
    ]),
    ("self_injury", "end", [
        "i (cut|sh|shd|self harmed) (tonight|last night|today|this morning|earlier|earlier tonight|earlier today)",
        "(after|when|every time|each time|whenever) i (cut|sh|self harm)",
    ]),
    ("self_injury", "", [
        "(my|the) (sh|self harm|cutting) (got|is getting|has gotten|has been getting|is) [(really|so|way|pretty)] "
        "(bad|worse|out of control|out of hand)",
        "(sh|self harm|cutting) (got|is getting|has gotten|has been getting) [(really|so|way|pretty)] (bad|worse|"
        "out of control|out of hand)",
        "i cut and (it|now|there)",
    ]),
    ("self_injury", "subj", [
        "(cutting|sh|self harming|cut) again",
        "(cut|sh) (tonight|last night|this morning)",
        "(did|done|doing) (sh|self harm) [(again|tonight|last night|today)]",
    ]),
    ("self_injury", "", [
        "(burned|burnt|burn|cut|sliced|scratched|carved) (my|my own) (arm|arms|wrist|wrists|skin|leg|legs|thigh|thighs|"
        "hand|hands|stomach|hip|hips|ankle|ankles|shoulder) ~6 on purpose",
    ]),
    # Self-harm that needs care now: deeper than meant, deeper each time, faint after cutting.
    ("self_injury", "severe", [
        "(i cut|i am cutting|i have been cutting|i keep cutting|i sh) [(way|much|a lot|so much|even|a bit|a little|"
        "far)] deeper than (i meant|i wanted|i intended|i planned|usual|ever|normal|last time|before|i ever have|"
        "i should have|i thought)",
        "(have|having|need|needing|had) to cut deeper (to feel|each time|every time|now|than|and deeper)",
        "(every time|each time|whenever) i cut ~4 (deeper|go deeper)",
        "(dizzy|lightheaded|light headed|faint|woozy|shaky) (after|since|while|from) (cutting|i cut|i cut myself|"
        "the cut|my cuts|sh)",
        "(almost|nearly) (passed out|blacked out|fainted) (after|from|while|when) (cutting|i cut|self harming|"
        "hurting myself|sh)",
    ]),
    # Bleeding that will not stop, a soaked towel, stitches: severe only beside self-injury (a
    # nosebleed or a kitchen cut told alone stays as it was).
    ("self_injury", "weak severe", [
        "(the|a|my) (towel|towels|bandage|bandages|gauze|tissues|sheets|sleeve|shirt|pad) (is|are|was|were) "
        "[(all|completely|already)] (soaked|soaking|drenched|soaked through|full of blood|covered in blood|"
        "bleeding through)",
        "(soaked|bled|bleeding|bleed) through (the|a|my|two|three|#) (towel|towels|bandage|bandages|gauze)",
        "(gone|went|going) through (two|three|four|#|a few|so many) (towels|bandages)",
        "(can not|could not) (stop|slow) the bleeding",
        "(will not|would not|does not|can not|is not going to) stop bleeding",
        "(can not|could not) (get|make) (it|them) [to] stop [bleeding]",
        "(need|needs|probably need|probably needs|should get|might need|definitely need|definitely needs) stitches",
        "(dizzy|lightheaded|light headed|faint|woozy) from (all the|so much|the) blood",
        "(gaping|gaped) open",
        "(it is|it|the skin is|skin is|my skin is) [(all|already)] (white and blistered|blistering badly|"
        "blistered badly|blistering bad|charred|black and blistered|blistering|blistered|bubbling)",
        "(it is|they are|is|are|cut is|cuts are) still bleeding",
        "(can not|could not) get the bleeding to stop",
        "(the|my|this is my|this is the|that was my|that was the) deepest (cut|one) (yet|ever|so far)",
    ]),
    # "fresh cuts and they're deeper than before": the cuts are the writer's.
    ("self_injury", "weak severe self", [
        "(deeper|worse) than (before|usual|ever|last time)",
    ]),
    # Quiet current risk inside long posts: everyone fine without one; letters left where they will
    # be found.
    ("passive_ideation", "end", [
        "(do not think|doubt) i (will|am going to) (be alive|still be alive|still be around|live) (for|until|to see|"
        "till|by|past) (christmas|my birthday|new year|new years|the holidays|thanksgiving|next year|the summer|"
        "spring|summer|the end of the year)",
    ]),
    ("passive_ideation", "", [
        "(everyone|everybody|they|my family|people|the world|everyone else) would [all] be (fine|okay|ok|alright|"
        "all right|just fine) without me",
    ]),
    ("farewell", "weak ordinary", [
        "(wrote|written|writing|left) (letters|notes|goodbye letters|a letter) (to|for) [each of] my <relative>",
        "(said|written|wrote|told them) everything i (needed|wanted|had|need|want) to say",
    ]),
    ("farewell", "weak end", [
        "without (them|anyone|people|her|him|my family|everyone) (knowing|realizing|noticing)",
    ]),
    ("farewell", "weak", [
        "(put|left|hid|placed|hidden|leaving|putting) (them|it|the letters|the note|the notes|the envelope|the letter) "
        "~6 where (they|she|he|someone|somebody|my <relative>|they will|people) (will|would|is going to|are going to|"
        "can) find (them|it)",
    ]),
]
RULES.extend(RULES_MORE)

# Session 15 (ninth reading, issue #14): kinds seen among the SDCNL and Twitter dev misses and in
# probes written for chat messages; every phrase written here, none copied.  Life itself as what
# cannot be taken any longer, or what one is done with (it was filed under self-injury); dying that
# would not matter; not caring to live; accepting death; comparing methods ("is jumping quicker than
# hanging", "a bridge or a train"), a heart stopped with a medicine, medicines fatal with alcohol,
# exhaust in a closed garage, chemicals mixed on purpose, how many floors are needed; asking to
# be given euthanasia; a count of one's own attempts; the post as one's note; never hearing from
# the writer after tonight; the medicine cabinet swallowed, a bottle of spirits with the pills.
RULES_NINTH: list[tuple[str, str, list[str]]] = [
    ("passive_ideation", "", [
        "[i] [just|really|honestly] (can not|cannot|can no longer) (take|stand|bear|handle|live|do) (this life|my life|"
        "life|living|this existence) (anymore|any longer|any more|no more)",
        "(i am|i) (done|finished) with (life|this life|existing|being alive|my life)",
    ]),
    # "... done with living in this apartment": living as a place to live.
    ("passive_ideation", "end", [
        "(i am|i) (done|finished) with living",
    ]),
    ("passive_ideation", "end", [
        "(it|that) (does not|would not|will not|did not|should not) [even] matter if i (die|died|was dead|were dead|"
        "was gone|were gone|disappeared|was not here|were not here|did not wake up)",
        "(do not|no longer|really do not|honestly do not) care [enough] (to live|to keep living|to stay alive|"
        "about living|about staying alive|about being alive|if i live or die|whether i live or die) "
        "[anymore|any more|any longer]",
        "(i have|i) (accepted|made peace with) (death|my death|dying|that i will die soon|that i am going to die)",
        "(i|i just) want (me|myself) dead",
        "(good|nice|peaceful|comforting|a relief|such a relief|calming) (to know|knowing) [that] (it|this|everything|"
        "it all) (will|is going to|is) [all] (be over|soon be over|soon to be over|over) [soon]",
    ]),
    ("active_ideation", "subj", [
        "(want|wanted|wanting|going|plan|planning|trying|try|hoping|hope|thinking about|considering|decided) to "
        "(apply for|get|request|ask for|qualify for|access|sign up for|go for) (assisted suicide|euthanasia|"
        "assisted dying|physician assisted suicide|medically assisted death|medical assistance in dying)",
        "(applied|applying|signed up|asked|asking) for (assisted suicide|euthanasia|assisted dying|"
        "physician assisted suicide|medically assisted death)",
    ]),
    ("active_ideation", "", [
        "how (do|can|could|would|should) i (get|qualify for|apply for|request|access|be approved for) (assisted suicide|"
        "euthanasia|assisted dying|physician assisted suicide|medically assisted death)",
    ]),
    ("plan", "self", [
        "(is|would|will|are) (jumping|hanging|drowning|an overdose|overdosing|pills|a gun|a bullet|bleeding out|"
        "carbon monoxide|a train|the tracks|a bridge|slitting my wrists|cutting my wrists) [be] (quicker|faster|less "
        "painful|more painless|surer|more certain|more reliable|easier|more peaceful|less messy) than (jumping|hanging|"
        "drowning|an overdose|overdosing|pills|a gun|a bullet|bleeding out|carbon monoxide|a train|the tracks|a bridge|"
        "slitting my wrists|cutting my wrists)",
        "(would|is|will) (a|the) (bridge|train|gun|rope|overdose|building) or (a|the) (bridge|train|gun|rope|overdose|"
        "building|pills) (be|is) (quicker|faster|less painful|more painless|surer|more certain|easier|less messy)",
        "(which|what) (is|would be) (quicker|faster|less painful|more painless|surer|more certain|more reliable|easier|"
        "less messy) [for me] [,] (jumping|hanging|drowning|an overdose|overdosing|pills|a gun|a train|a bridge|"
        "bleeding out|carbon monoxide) or (jumping|hanging|drowning|an overdose|overdosing|pills|a gun|a train|a bridge|"
        "bleeding out|carbon monoxide)",
        "how (much|many) <means> ~2 (would|will|could|to|does it take to|would it take to) stop (my|a) heart",
        "(which|what) (meds|pills|medications|medication|drugs|tablets) (are|is) (fatal|lethal|deadly) (with|when mixed "
        "with|mixed with|if mixed with|when taken with|taken with) (alcohol|booze|vodka|liquor|drinking)",
        "(carbon monoxide|exhaust|the exhaust|car exhaust|the engine running|the car running) (in|inside) (a|the|my) "
        "(closed|shut|sealed|locked) garage",
        "(mix|mixing|mixed|combine|combining) (bleach|chemicals|cleaning products) ~4 on purpose",
        "(a|the|my) (car|engine) [running] (in|inside) (a|the|my) (closed|shut|sealed|locked) garage",
        "how many (floors|stories|storeys|meters|metres|feet) do (i|you|one) need (to (die|not survive|be sure|"
        "be certain|make sure)|(so|so that|for) it (is|will be|would be) (certain|sure|fatal|enough|final))",
    ]),
    # "... for a studio apartment": a floor plan.
    ("plan", "self end", [
        "how many (floors|stories|storeys|meters|metres|feet) do (i|you|one) need",
    ]),
    ("past_attempt", "end", [
        "(i|i already|i have|i already have|i have had|i have already had|i had) (#|two|three|four|five|several|"
        "multiple|a few|many) (attempts|suicide attempts) [(under my belt|behind me|already|so far|now)]",
    ]),
    # "... failed attempts at baking" is dropped by the engine (an attempt at something).
    ("past_attempt", "", [
        "(the number of|all my|all of my|# of my|my) failed (attempts|suicide attempts)",
    ]),
    ("farewell", "end", [
        "(this is|here is|consider this|this will be|this post is|treat this as) my (note|last note|final note|"
        "goodbye note)",
        "(you|you all|anyone|nobody|no one) (will not|will never|is not going to|are not going to) (hear from|see) me "
        "(after|past|beyond) (tonight|today|tomorrow|this weekend|this week)",
    ]),
    ("farewell", "", [
        "(mention|thank|name|apologize to|apologise to|say sorry to) (no one|nobody|everyone|you all|all of you|each of "
        "you|my family) in my (note|letter|last letter|final letter)",
    ]),
    # Not "tell my mom i'm sorry i'll be late".
    ("farewell", "weak end", [
        f"tell (my|our) {RELATIVE} (i am|that i am|i was|that i was) sorry",
    ]),
    ("attempt_in_progress", "self", [
        "(swallowed|downed|ate) (everything|all the pills|all the meds|all of it|whatever was) (in|from) "
        "(the|my|mom's|dad's|our) (medicine cabinet|medicine drawer|pill box|pillbox|pill organizer|first aid kit)",
    ]),
    # "took everything from the medicine cabinet to the new flat": moving house.
    ("attempt_in_progress", "self end", [
        "took (everything|all the pills|all the meds|all of it|whatever was) (in|from) "
        "(the|my|mom's|dad's|our) (medicine cabinet|medicine drawer|pill box|pillbox|pill organizer|first aid kit)",
        "(drank|downed|chugged|finished) (a|the|half a|half the) [whole|entire] bottle of (vodka|wine|whiskey|whisky|"
        "alcohol|liquor|rum|gin|tequila|booze) (with|and|on top of) (my|all my|the|a bunch of|a handful of|all the|"
        "some|# of my) <means>",
    ]),
]
RULES.extend(RULES_NINTH)

# Session 15 (tenth reading, issue #14): short, tweet- and chat-length messages; kinds seen among
# the Twitter and SDCNL dev misses and in probes written for chat, every phrase written here.
# Death that cannot come for one (or take one) fast enough, not waiting for death to come; wishing
# one could just not wake up; others better off without one said in the present ("everyone's better
# off without me") or to everyone ("you'd all be better off without me"), a relief or an ease for
# everyone if one were gone, everyone relieved if one died, the world a better place without one.
# Joiner's Interpersonal Questionnaire words perceived burdensomeness as "the people in my life
# would be better off if I were gone"; the rubric has read "everyone would be better off without me"
# as a wish to be gone (passive ideation, moderate) since session 4, and these are the same thought
# in other words.  "you're (probably) better off without me", said to one person, stays a risk
# factor (low): it is also how a break-up is told.  "i can't anymore" is despair (entrapment, low);
# "make it stop" a plea about pain (low); the two together are two risk factors (moderate).
RULES_TENTH: list[tuple[str, str, list[str]]] = [
    ("passive_ideation", "", [
        "death (can not|cannot|could not|will not|does not|is not coming|is not going to come) (come for me|come and "
        "take me|come take me|take me|come get me|come and get me|find me|hurry up and take me|arrive) (soon|fast|quick|"
        "quickly) enough",
        "(can not|cannot) wait for (death|my death|the end of my life) to (come|come for me|take me|get here|arrive|"
        "find me|come get me)",
        "(wish|wished|wishing) i (could|would) just (stop existing|not exist|cease to exist|be dead|stop breathing|"
        "die already)",
        "(it would|itd|it will|would|that would|it is going to) be (a relief|a blessing|a favor|a favour|easier|better|"
        "best|simpler) (for|to) (everyone|everybody|all of you|you all|my family|the people around me|the world|my "
        "parents|my kids|my friends|everyone around me|everyone i know) if i (was|were|am|had) (dead|not alive|never "
        "born|never been born|no longer alive)",
        "(it would|itd|it will|would|that would|it is going to) be (a relief|a blessing|a favor|a favour|easier|better|"
        "best|simpler) (for|to) (everyone|everybody|all of you|you all|my family|the people around me|the world|my "
        "parents|my kids|my friends|everyone around me|everyone i know) if i [just] (died|killed myself|did not exist|"
        "never existed|stopped existing|did not wake up|never woke up)",
        "(everyone|everybody|my family|they|people|you all|all of you|my parents|my friends) (would|will) be (relieved|"
        "glad|happy|happier) (if|when) i (died|was dead|were dead|killed myself|did not wake up|never woke up)",
        "the world (would be|will be|is|would honestly be) a better place without me",
    ]),
    # "my death would make the news", "... my mom sad": not a relief to others.
    ("passive_ideation", "end", [
        "my death would (make|leave) ~3 (easier|better|happier|simpler|lighter)",
        "(life|lives) would be [(so|so much|a lot|much)] (better|easier|happier|simpler) without me",
        "(would|will) (anyone|anybody|people|they|my family|my friends|my parents|she|he) [even] (notice|care|miss me|"
        "cry|come to my funeral) if i (was gone|were gone|disappeared|vanished|died|was dead|were dead|killed myself|"
        "did not wake up|never woke up)",
        "(wonder|wondering|wondered) if (anyone|anybody|people|they|my family|my friends|my parents|she|he) would "
        "[even] (notice|care|miss me|cry|come to my funeral) if i (was gone|were gone|disappeared|died|was dead|"
        "were dead|did not wake up|never woke up)",
    ]),
    ("active_ideation", "end", [
        "(wish|if only) i had (that|the|a) [extra|little] (bit of|ounce of|little bit of) (courage|guts|nerve) [to "
        "(actually|finally|just) (do it|go through with it)]",
    ]),
    # "... if i was gone for the weekend", "... if i disappeared for a week": away, not dead.
    ("passive_ideation", "end", [
        "(it would|itd|it will|would|that would|it is going to) be (a relief|a blessing|a favor|a favour|easier|better|"
        "best|simpler) (for|to) (everyone|everybody|all of you|you all|my family|the people around me|the world|my "
        "parents|my kids|my friends|everyone around me|everyone i know) if i [just] (was|were) (gone|not here|not "
        "around|no longer here|out of the picture)",
        "(it would|itd|it will|would|that would|it is going to) be (a relief|a blessing|a favor|a favour|easier|better|"
        "best|simpler) (for|to) (everyone|everybody|all of you|you all|my family|the people around me|the world|my "
        "parents|my kids|my friends|everyone around me|everyone i know) if i [just] (disappeared|vanished|was gone "
        "for good|were gone for good)",
        "(everyone|everybody|my family|they|people|you all|all of you|my parents|my friends) (would|will) be (relieved|"
        "glad|happy|happier) (if|when) i (was gone|were gone|disappeared|vanished|am gone|was not here|were not here)",
        "(can not|cannot) wait for death",
        # "... not wake up early for work", "... sleep forever on weekends", "... better off without me on the
        # team": a clause goes on to say what it is about.
        "(wish|wished|wishing) i (could|would) just (not wake up|never wake up|sleep forever|fall asleep forever|"
        "fall asleep and never wake up|disappear forever)",
        "(everyone|everybody|the world|my family|my friends|my kids|my children|my parents|all of you|you all|y all|yall|"
        "you guys|the people i love|everyone around me|everybody around me|the people around me) (is|are) [all] "
        "[(so|so much|much|probably|honestly|clearly|obviously)] better off without me",
        "(you would|youd|you will|you guys would|you guys will|you all would|yall would|y all would) all be "
        "[(so|so much|much|probably)] better off without me",
    ]),
    ("entrapment", "end", [
        "(i|i just|i really|i honestly|i seriously) (can not|cannot) (anymore|any more|no more)",
    ]),
    ("emotional_pain", "", [
        "[please] [just] make (it|this|the pain|everything|it all|all of it) [all] stop",
    ]),
    ("passive_ideation", "", [
        "(theyd|everyoned|theyll|they will|they would) [all] be (better|happier) [off] without me",
    ]),
    # ---- session 17: long posts, plans and slang
    # Reading "en-posts" (issue #14); every phrase written for it, none copied from a data set.  Tests
    # and look-alikes in tests/test_screening_reading_en_posts.py.  Quiet sentences of current risk in
    # long posts ("i keep thinking everyone would be better off.", "i've started writing letters.",
    # "i looked up how many it would take.", "i don't see myself making it to summer.", "i don't think
    # i'll be here for christmas."), plans said without the words (the time of "after the kids are
    # asleep", "i know how and when", the means held beside a goodbye), and slang ("my final exit",
    # "catch the bus for good", "it's game end for me").
    #
    # Others better off, said as the writer's own thought and closing the clause: "everyone would be
    # better off if we all switched to the new schedule" goes on and is about a schedule.  ``pastok``
    # (here and below): "in high school ..." before it puts it in the past although "thinking" is present.
    ("passive_ideation", "end pastok", [
        "(think|thinks|thinking|thought|feel|feeling|felt|believe|convinced|know|sure|realize|realise|realized|"
        "realised) [(like|that)] (everyone|everybody|my family|my kids|my children|my parents|my friends|the people i love|"
        "the people around me|everyone around me|the world|you all|you guys|everyoned) (would|will) [all] be "
        "better off",
        "(theyd|they would|everyoned|everyone would|everybody would) all be better off",
    ]),
    ("passive_ideation", "", [
        "better off if i (was not|were not|was no longer|were no longer) (here|around|alive|in the picture|in their "
        "lives|in their life|in the way)",
        "better off if i (disappeared|was gone|were gone|died|did not exist|never existed|was dead|were dead)",
    ]),
    # Not seeing oneself reach a season or an age ("i don't see myself making it to summer", "... living
    # past 25"); "... making it to summer without a vacation" goes on and is about work.
    ("passive_ideation", "end pastok", [
        "(do not|can not|no longer|never) (see|picture|imagine) myself (making it|being here|being alive|being around|"
        "still being here|still being around|living|surviving|lasting|alive) (to|until|till|past|through|for|by|at) "
        "[(the|my|next|this)] (summer|christmas|spring|winter|autumn|birthday|new year|new years|holidays|"
        "thanksgiving|easter|#|next year|end of the year|weekend)",
        "(do not|can not|no longer|never) (see|picture|imagine) myself (making it|being here|being alive|being around|"
        "still being here|still being around|living|surviving|lasting|alive) (to|until|till|past|for|by) my # th "
        "birthday",
        "(do not|can not|no longer|never) (see|picture|imagine) myself (making it|lasting|being here|being around|"
        "surviving) (another|one more) (year|month|winter|summer|christmas)",
        "(can not|do not) (imagine|see) (making it|lasting|surviving|being alive|being here) (to|until|till|through|"
        "past) [(the|my|next|this)] (summer|christmas|spring|winter|birthday|new year|holidays|thanksgiving|next year|"
        "end of the year)",
    ]),
    # Not being here for a feast or a season: a goodbye; travel ("we're flying to my in-laws") drops it,
    # and "... for christmas, we're visiting my aunt" goes on.
    ("farewell", "ordinary end", [
        "(do not think|doubt|do not know if|not sure if|not sure) i (will|am going to) (be here|still be here|"
        "be around|still be around|make it|be alive|still be alive|live|last) (for|until|till|to|to see|past|by|"
        "through|at) ~2 (christmas|summer|spring|winter|autumn|my birthday|birthday|new year|new years|the holidays|"
        "thanksgiving|easter|next year|the end of the year|next week|the weekend|next month)",
        "i (will not|am not going to) be (here|around|alive) (for|at|by|on|to see) ~2 (christmas|my birthday|"
        "birthday|new year|new years|the holidays|thanksgiving|easter|next year|the end of the year|summer|spring)",
        "i (will not|am not going to) (make it|last|survive) (to|until|till|past|through) ~2 (christmas|my birthday|"
        "birthday|new year|new years|the holidays|thanksgiving|easter|next year|the end of the year|summer|spring)",
        "(do not think|doubt|not sure) i (will|am going to) (see|live to see|make it to|be around for|be here for) "
        "(another|next) (summer|christmas|birthday|year|winter|spring|thanksgiving)",
        "i (will not|am not going to) (see|live to see|make it to) (another|next) (summer|christmas|birthday|year|"
        "winter|spring|thanksgiving)",
        "(this|it|this year) (will be|is going to be|is) my last (christmas|birthday|summer|thanksgiving|new year|"
        "new years|easter|winter|holiday season)",
    ]),
    # Not planning on being here by a season (the session 12 rule names being alive or around).
    ("passive_ideation", "end", [
        "(do not|not) (plan|planning|intend|intending) on being (here|around|alive) (next year|next summer|next "
        "christmas|by christmas|by summer|for christmas|for my birthday|much longer|for long)",
    ]),
    # Letters begun with no one named ("i've started writing letters."), said by the writer and closing the
    # clause ("... letters to my pen pal" goes on).
    ("farewell", "subj end", [
        "(started|begun|began|been|am|finished|finishing|i have been) writing (letters|the letters|my letters|"
        "goodbye letters|letters to everyone|everyone letters|letters to people|letters to them)",
    ]),
    # Looking up how many, said by the writer: a lethality question when the means is named elsewhere
    # ("the pills are in the cabinet. i looked up how many."); "i looked up how many it would take" closing
    # the clause is a plan ("... to fill the pool" goes on).
    ("plan", "weak lethality subj end", [
        "(looked up|googled|searched|checked|researched|read up on|looking up|googling|searching|checking|"
        "researching|counted|counting|reading about|read about|reading up on) how (many|much)",
    ]),
    ("plan", "subj end pastok", [
        "(looked up|googled|searched|checked|researched|read up on|looking up|googling|searching|researching|"
        "reading about|read about|reading up on) how many [(of them|of those|of these)] (it would take|it will take|it takes|i would need|i will need|i need|would be enough|is enough|are enough|"
        "would do it|would kill me|it would take to die|i would have to take)",
    ]),
    # The means held, beside a goodbye or ideation (only counts with one: "i have the pills for my
    # headache" alone says nothing).
    ("lethal_means", "possession", [
        "(i have|i have got|i got|got|i am holding|i am sitting with) (the|my|all my|all the|all of my|enough|"
        "a bottle of|a bunch of|so many|a whole bottle of) <means>",
    ]),
    # The moment the house sleeps or empties, as a time beside a plan or ideation ("after ..." was read
    # already).
    ("timing", "", [
        "as soon as (everyone|everybody|they|my <relative>|the <relative>|my roommate|my roommates|the house) (is|are|"
        "goes|go|gets|get|falls|fall) (asleep|to sleep|to bed|gone|out|quiet)",
        "(after|once|when|as soon as) (everyone|everybody|they|my <relative>|the <relative>|my roommate|my roommates) "
        "(leave|leaves|left) for (work|school|the weekend|vacation|the holidays|a trip)",
    ]),
    # Knowing how and when, everything one needs, said plainly and closing the clause: a preparation
    # beside other risk (alone the bare statement reads it, moderate).  Flagged ``timed``: with a time
    # nearby it is a plan with a time ("i know how and when. it'll be after the kids are asleep on
    # friday", engine: high).
    ("plan", "weak timed end", [
        "i [already|now] know (how and when|when and how|where and when|when and where|how and where|where and how|"
        "how when and where|when where and how|where when and how|exactly how|exactly when)",
        "i (have|have got|got) everything i need [now]",
    ]),
    # Slang: the final exit (also the name of a book about assisted dying, so only as the writer's own,
    # wanted or planned, and closing the clause: "... from this company lol" goes on), the exit bag, "catch the
    # bus" (ctb) for good, "game end" as finality.
    ("active_ideation", "end", [
        "(ready for|want|need|planning|plan|preparing|prepare|prepared for|thinking about|time for|take|taking|make|"
        "making|plotting|dreaming of|dream of|longing for) my final exit",
        "(planning|plotting|preparing|planned|prepared) my final exit (for (weeks|months|days|a while|a long time|"
        "years|ages)|since)",
        "(catch|catching|ready to catch|going to catch|want to catch|time to catch) the bus (for good|forever|"
        "permanently|to the other side|to the afterlife|out of this life)",
    ]),
    ("plan", "subj", [
        "(bought|ordered|made|making|have|got|built) (an|the|my|a) (exit bag|suicide bag|final exit bag)",
    ]),
    # Thanks for everything said as a goodbye (weak: with the means held or another goodbye it counts;
    # "thanks for listening" ends a vent and is not here).
    ("farewell", "weak ordinary", [
        "(thank you|thanks) (all|guys|everyone|so much|all so much|for real) for (everything|always listening|always "
        "being there|putting up with me|being there for me|everything you did)",
        "thanks for (everything|always listening|always being there|putting up with me|being there for me)",
    ]),
    ("intensity", "final end", [
        "(it is|this is|that is) game (end|over) for me",
    ]),
    ("active_ideation", "", [
        "sui (thoughts|thots|ideation|urges|feelings)",
    ]),
    # Quiet forms in posts, second pass: the life insurance as what is left for the family, one's funeral
    # pictured or who would come, not existing as a comfort, passwords written down for someone, driving
    # into the river thought about, methods researched, reasons to stay running out, a deadline set.
    ("passive_ideation", "end", [
        "(they will|they would|they will at least|at least they|at least they will|my family will|my family would|"
        "my kids will|my kids would|she will|he will|at least my family will|at least my kids will) (get|have|"
        "be taken care of with|be okay with|be fine with) ~2 (life insurance|life insurance money|my life insurance|"
        "my insurance money|the payout|my payout)",
        "(keep|kept|always|been|am|i am|started|start) (picturing|imagining|daydreaming about|thinking about) my "
        "[own] funeral",
        "(who|if anyone|whether anyone|how many people|would anyone) (would|will) [even] (come|show up|go|cry) "
        "(to|at) my funeral",
    ]),
    ("passive_ideation", "", [
        "(thought|idea|thoughts) of (not being here|not existing|not being alive|not waking up|never waking up|being "
        "dead|disappearing forever|not being around) [anymore] (is|are|feels|seems|has been|gets) ~1 (comforting|"
        "peaceful|calming|a relief|soothing|appealing)",
        "(running out of|run out of|ran out of|no more|out of) reasons to (live|keep living|stay alive|be alive|"
        "keep going|keep existing)",
    ]),
    ("passive_ideation", "end", [
        "(running out of|run out of|ran out of|out of) reasons to (stay|be here|stick around)",
    ]),
    ("active_ideation", "", [
        "i (think|thought|always think|keep thinking|often think|sometimes think) about (driving|swerving|crashing|"
        "steering) [(my car|the car)] (into|off) ~1 (river|lake|tree|wall|bridge|cliff|barrier|traffic|oncoming "
        "traffic|overpass|pillar|semi|truck)",
    ]),
    ("plan", "subj end", [
        "(researching|researched|reading about|read about|looking up|looked up|googling|googled) (methods|the methods|"
        "different methods|ways to go|painless methods)",
    ]),
    ("plan", "weak end", [
        "(set|gave|given|giving|give) (myself|me) a deadline",
        "(waiting|wait|holding on|hanging on|sticking around) (until|till|til) (after|past) ~3 (wedding|birthday|"
        "graduation|christmas|the holidays|finals|exams)",
    ]),
    ("plan", "weak", [
        "it is (planned|scheduled|set) for (after|before|when|once)",
        "(written|wrote|writing|finished|left) (the|my) notes",
    ]),
    ("farewell", "weak", [
        "(wrote down|written down|writing down|left|leaving|put) (all) my (passwords|pins|bank details|account details|"
        "logins) (for|with|in|where)",
        "(my|the) <keepsake> (is|are) (rehomed|given away|taken care of|going to my|going to a good home)",
    ]),
    ("farewell", "weak end", [
        "(i will be|i am|then i am|then i will be) free to go",
    ]),
    # Plans and times said without the words, second pass: "that's my chance", "a date in mind" (the pills
    # kept for when one is ready: RULES_SEVENTEEN below), driving out to the lake and not coming back, the house empty or everyone out.
    ("plan", "weak timed end", [
        "(that is|it is|this is|saturday is|tonight is|friday is|sunday is|the weekend is) my (chance|window|"
        "opportunity|moment)",
        "i (have|have got|got) a (date|day|time|night) in mind",
    ]),
    ("plan", "subj end", [
        "(going|driving|walking|heading|hiking|swimming) (out to|to|into|up to) the (lake|river|bridge|woods|ocean|"
        "sea|cliffs|cliff|tracks|forest|quarry|dam) ~4 and (not|never) (coming|come) back",
    ]),
    ("timing", "", [
        "(when|once|after|while) (my roommate|my roommates|everyone|everybody|my <relative>|my parents|they) "
        "(goes|go|is|are) (home|away|out of town|on vacation|on holiday) [for (the holidays|the weekend|christmas|"
        "a week|thanksgiving)]",
        "(when|once|while) (everyone|everybody|they|my <relative>|my parents) (is|are) (out|away) (for the "
        "(night|day|weekend)|at the party|of town)",
        "(on|by|before) the anniversary",
        "(nobody|no one|noone) (will be|is going to be) (home|around|here) (on|this|tonight|tomorrow|all weekend|"
        "until) [(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|night|morning)]",
    ]),
    ("intensity", "final end", [
        "(it is|it is just|it is only) a matter of (when|time) [now]",
    ]),
    # Third pass: thinking about not being here, the last anyone will hear, gone if not online tomorrow.
    ("passive_ideation", "end pastok", [
        "(thinking|thought|think|been thinking) [a lot] about not being (here|alive|around) [(anymore|any more)]",
    ]),
    ("farewell", "nobefore", [
        "this (is|will be) the last (you will|you are going to|you all will|anyone will|anybody will) (hear|see) "
        "(from me|of me)",
        "if you (do not|never) see me (online|on here|here|around) (tomorrow|again|after tonight)",
    ]),
    ("farewell", "end", [
        "(it is|that is|it will be) because i am (gone|dead|not alive|not here anymore)",
    ]),
    # Slang, second pass: "kermit sewerslide" (commit suicide), the easy way out, a life to rage-quit, undo
    # or speedrun, despawning, becoming a statistic.
    ("active_ideation", "", [
        "kermit suicide",
    ]),
    ("active_ideation", "subj end", [
        "(going to|want to|about to|time to|ready to|bout to|gonna) kermit",
        "(want to|going to|thinking about|thinking of|tempted to|should just|ready to|about to) take the easy way "
        "out",
    ]),
    ("passive_ideation", "end", [
        "(want to|going to|ready to|about to|time to|wish i could|thinking about) (speedrun|speed run) (death|dying|"
        "my death|the afterlife)",
        "(want to|going to|ready to|about to|time to|wish i could) (despawn|perma die|permadie)",
        "(want to|going to|ready to|about to|time to|wish i could|thinking about) (rage quit|ragequit|quit|quitting) "
        "(life|existing|existence|irl)",
        "(want to|wish i could|if only i could|need to) (undo|ctrl z|control z) my (birth|existence)",
        "(going to|about to|want to|will) become (a|another|just another) statistic",
    ]),
    # Only closing the clause: "time to uninstall life (jk)" is laughed off.
    ("active_ideation", "end", [
        "(want to|ready to|going to|about to|time to|thinking about|thinking of|need to) (uninstall|uninstalling) "
        "(myself|life|my life|my existence)",
    ]),
]
RULES.extend(RULES_TENTH)

# Emoji that count as evidence only next to first-person language.
EMOJI_DEATH = frozenset({"emoji_grave", "emoji_end", "emoji_hole"})
EMOJI_MEANS = frozenset({"emoji_knife", "emoji_pill", "emoji_rope", "emoji_gun", "emoji_blood"})

# Session 17 (the lead's English reading of means, method questions and self-harm severity, issue
# #14): means kept or hidden "for when i'm ready", a rope or belt tied and ready, a hose for the car's
# exhaust, medicine bought so nobody would notice, medicine and drink in front of one; questions
# about how much of a medicine is too much for someone who does not take it, whether a fall of so
# many floors can be survived or what height makes sure, whether one feels anything after a jump;
# looking up how tall a bridge or a parking garage is; a gun emoji held to the head; stitches that
# are needed but would make others find out, bleeding that will not stop with dizziness.  Every
# phrase written for this reading; look-alikes (a first-aid kit, flu season, diabetes care, trivia
# about famous heights, a nosebleed, a haircut) in tests/test_screening_reading_lead_means.py.
RULES_SEVENTEEN: list[tuple[str, str, list[str]]] = [
    # "... for when i'm ready to talk to my doctor": the clause goes on.
    ("plan", "self end", [
        "(<hang>|<sharp>|<gun>|<means>|razor blades|the blades|the pills|the rope|the belt|rope|pills|blades) ~8 "
        "(for when i am ready|for when i am brave enough|for when i am strong enough|for when i am done|for when the "
        "time comes|for the right moment|until i am ready|for when i finally do it|for when i decide|for when i have "
        "had enough|for when i can not take it anymore)",
    ]),
    ("plan", "self", [
        "(got|have|left|keep|keeping) (the|a|my) (<hang>) (tied|knotted) (and|&) (ready|waiting)",
        "(bought|got|ordered|have|found) (a|the|some) (hose|tube|length of hose|garden hose|pipe) (for|to fit|to fit on|"
        "to put on|to connect to|to attach to|that fits) (the|my) [(car|car s|cars)] exhaust",
        "(stocked up on|stocking up on|bought|buying|got|getting|collected|collecting|picked up) ~3 <means> ~8 so "
        "(nobody|no one|noone|nobody else|the pharmacist|the pharmacy|they|my <relative>) (would|will|could|can|"
        "would not|will not|does not|did not|could not|can not) (notice|get suspicious|be suspicious|suspect|ask "
        "questions|ask|know|find out|question it)",
        "(how much|how many) ~2 (<means>|insulin) ~3 (would be|is|are|would) [(too much|too many)] (for|to) "
        "(a non diabetic|someone who is not diabetic|someone without diabetes|a person without diabetes|someone "
        "who does not take it|someone who does not need it|a healthy person|a non diabetic person)",
        "(can you|could you|would you|do you|does anyone|do people|can anyone|can someone) survive (a|an) "
        "(# story|# storey|# floor|# stories|# storeys|# floors|ten story|ten storey|ten floor|twenty story|"
        "five story|six story|seven story|eight story|nine story|# meter|# metre|# foot|# feet) (fall|jump|drop)",
        "(what|which|how much) height (do you need|would you need|is needed|is enough|do i need|would i need|is it) "
        "(to make sure|to be sure|to not survive|to die|to guarantee it|for it to work|to not wake up)",
        "(do you|would you|will you|you|you do not|you would not|you will not|you never|you do not even|you would "
        "not even|you will not even|you can not) (feel|notice) (anything|it|any pain|a thing) (if|when|once) "
        "you (jump|fall|hang|overdose|bleed out|drown|hit the water|hit the ground)",
        "(keep|keeping|have|left|got) (the|a|my) <hang> (hanging|up|tied up|tied) ~4 (just in case|for when i need it|"
        "for emergencies)",
    ]),
    ("lethal_means", "possession athand", [
        "(sitting here with|sitting with|i am sitting with|i am sitting here with|i am here with) ~2 (my whole|my "
        "entire|the whole|the entire|all my|every one of my|all of my) (prescription|<means>|pill bottles|meds) ~4 "
        "(in front of me|next to me|beside me|on the table|on my desk|on my bed|right here|in my hand|in my lap)",
        "(have|got) ~3 (vodka|wine|whiskey|whisky|alcohol|booze|rum|tequila|gin|liquor|beer) (and|&|with) ~2 (my whole|"
        "my entire|the whole|the entire|all my|every one of my|all of my) (prescription|<means>|meds) ~4 (in front "
        "of me|next to me|beside me|on the table|on my desk|on my bed|right here|in my hand|in my lap)",
    ]),
    # "... how tall the bridge is so our truck clears it": a reason follows.
    ("lethal_means", "possession athand end", [
        "(looked up|looking up|googled|googling|checked|checking|researched|researching|searched|searching) how "
        "(tall|high) (the|that|this) (bridge|parking garage|car park|garage|overpass|building|tower block|viaduct|"
        "cliff|dam) ~3 (is|was)",
    ]),
    ("lethal_means", "possession athand", [
        "emoji_gun (to|against|at) my (head|temple|mouth|chin)",
    ]),
    ("self_injury", "severe", [
        "(need|needs|probably need|probably needs|should get|should have gotten|might need|definitely need) stitches "
        "~8 (they will|they would|they are going to|they will all|everyone will|people will|my <relative> will|"
        "my <relative> would|the nurses will|the doctors will) (know|find out|ask questions|ask what happened|see|"
        "see the others|see the rest|see the scars)",
        "(my arm|my wrist|my leg|my thigh|the cut|the cuts|my cut|my cuts) (will not|would not|does not|is not|wont) "
        "(stop|stopping) [bleeding] (and|&) i (feel|am|am getting|am starting to feel|am so|feel really|feel so) "
        "(dizzy|lightheaded|light headed|faint|woozy|cold|shaky|weak)",
    ]),
]
RULES.extend(RULES_SEVENTEEN)

# Session 17, the lead's intensity reading: ending it "for good" or "once and for all" (not "...
# ending it with him for good"), being close to giving up on life, the last time
# one asks for help or reaches out, a relapse that went deeper than meant.  Look-alikes (a
# break-up, a diet, the printer, a haircut) in tests/test_screening_reading_lead_means.py.
RULES_SEVENTEEN_B: list[tuple[str, str, list[str]]] = [
    ("active_ideation", "subj nowith", [
        "(i am|i will be|i am finally|i am just|i am really) ending it (for good|once and for all)",
    ]),
    ("passive_ideation", "", [
        "(so close|this close|very close|close|really close|dangerously close) to giving up on (life|living|being "
        "alive|staying alive)",
    ]),
    ("farewell", "end", [
        "this (is|will be) the (last|final) time (i am|i will be|i will ever be|i will|i ever) (asking for help|"
        "reaching out|asking anyone for help|asking you for anything|asking for anything|reaching out to anyone|"
        "asking for support)",
        "this (is|will be) the (last|final) time i (reach out|ask for help|ask anyone for help|ask you for anything|"
        "ask for anything|reach out to anyone|ask for support)",
    ]),
    ("self_injury", "severe", [
        "(relapsed|slipped|cut again|did it again|self harmed again|sh again) ~4 (went|cut|gone|going) (deeper|too "
        "deep) (than i (meant|wanted|intended|planned)|this time|than ever|than before|than last time)",
    ]),
]
RULES.extend(RULES_SEVENTEEN_B)

# Session 18 (lead): one's own death as a relief to others -- a wish to be dead said through the
# burden ("my death would make life easier for my family").  The retrained model no longer lifted it
# (p 0.92 against 0.95), and the rules read the burden only, at low.
RULES_EIGHTEEN: list[tuple[str, str, list[str]]] = [
    ("passive_ideation", "", [
        "my (death|dying|being dead|being gone) would (make|be making) (life|things|everything|it all|their lives|"
        "their life) [so much|a lot|much|way|so] (easier|better|simpler|lighter)",
        "my (death|dying|being dead|being gone) would be (a relief|a blessing|the best thing) (for|to) (my family|"
        "everyone|everybody|them|my parents|my kids|my mom|my dad|my wife|my husband|my partner|people)",
        "my (destiny|fate) is to die [young|soon|alone]",
    ]),
    ("active_ideation", "", [
        "my (destiny|fate) is to (die by suicide|kill myself|take my own life|end my own life|end my life)",
    ]),
    # A cut told without "i" or "myself" but with its depth and a time ("cut deep again tonight"); the
    # car left running in a closed garage (found by the false-alarm reading, session 18).
    ("self_injury", "severe", [
        "cut (deep|deeper|too deep|so deep|really deep) (again|tonight|last night|today|this time)",
    ]),
    ("plan", "", [
        "(sit|sitting|lock myself|locked myself|stay|staying) in the garage with the (exhaust|engine|car) running",
    ]),
    # Session 20: in the car with the engine on is also waiting for someone in the cold ("sitting in the car
    # with the engine running waiting for my daughter" was high): it supports other evidence only.
    ("plan", "weak", [
        "(sit|sitting|lock myself|locked myself|stay|staying) in the car with the (exhaust|engine) running",
    ]),
]
RULES.extend(RULES_EIGHTEEN)

# Session 19 (lead): farewells and plans said without the words, written for this reading (look-alikes
# -- a move abroad, a weekend at the lake, a houseplant sitter, a printer that will not be needed -- in
# tests/test_screening_reading_lead_farewell.py): going out to a place of danger "and not coming back"
# in any tense or with the car; joining the dead after a funeral; things given away that "won't be
# needed"; someone to water or feed them "after"; being at peace; the best part of one's life told in
# the past; instructions left for one's things or body; thanks for trying, and "don't look for me".
RULES_NINETEEN: list[tuple[str, str, list[str]]] = [
    ("plan", "subj end", [
        "(go|drive|walk|head|hike|swim|take the car|take my car|taking the car|taking my car|took the car|"
        "took my car|drove|walked|went|headed) [out|up|down] (to|into) the (lake|river|bridge|woods|ocean|sea|cliffs|"
        "cliff|tracks|forest|quarry|dam|mountains|desert) ~4 and (not|never) (coming|come) back",
    ]),
    ("passive_ideation", "self end", [
        "(funeral|grave|died|passed|passed away|death|lost (her|him|them)|buried (her|him|them)) ~10 i [just|really|only] "
        "(am going to|am gonna|want to|wanna|am ready to|will|am about to|need to) (join|be with) (her|him|them|my <relative>) [again]",
    ]),
    ("farewell", "weak ordinary end", [
        "(i will not|i wont|will not|wont|i am not going to|not going to) (need|be needing|be using) (them|it|any of "
        "it|any of them|these|those|that|my <keepsake>) [(anymore|any more|where i am going|after tonight|after this)]",
        "i am (finally|now|at last) at peace [now]",
        "(you|you all|you guys|all of you) (were|have been) the (best|only good) (part|thing) [(of my life|in my life|"
        "that ever happened to me)]",
        "(thank you|thanks) [(all|so much|for everything)] for (trying|trying to help|trying to help me|always trying|"
        "everything you tried)",
    ]),
    ("farewell", "weak end", [
        "(someone|somebody|you|my <relative>|someone else) (should|will have to|will need to|can|could|needs to|need "
        "to|has to|have to) (water|feed|walk|look after|take care of) (them|it|my <keepsake>) (after|afterwards|when "
        "i am gone|once i am gone|after i am gone)",
        "(please )?(do not|dont) [come] (look|looking|search|searching) for me",
        "(left|wrote|written|leaving|writing) (instructions|a list|notes|a note) (for|about|on) what to do with my "
        "(stuff|things|<keepsake>|money|savings|accounts)",
        "(my|the) (note|notes|letter|letters) (is|are) (on|in|under) (the|my) (table|kitchen table|desk|bed|pillow|"
        "drawer|desk drawer|nightstand)",
    ]),
    ("farewell", "", [
        "(left|wrote|written|leaving|writing) (instructions|a list|notes|a note) (for|about|on) what to do with my "
        "(body|ashes|funeral)",
    ]),
    # Plans said through what was done to prepare: the method looked up by speed or certainty, a
    # prescription filled at several pharmacies, charcoal with the smoke alarm disabled, the woods with
    # a rope, a car hired to drive off the road, "all i have" taken with a time, the gun safe's code,
    # the height of a balcony measured, the insurance's suicide clause waited out.
    ("plan", "end", [
        "(researching|researched|research|looking up|looked up|look up|googling|googled|searching|searched|reading "
        "about|read about|comparing|compared) (which|what) (medication|medications|meds|pills|drug|drugs|<means>|"
        "method|methods|way|ways|overdose) (works|work|is|are|would be|would work|kills|kill) [the] (fastest|quickest|"
        "least painful|most painless|most effective|surest|best|most reliable)",
        "(filled|fill|filling|refilled|got|getting|bought|buying|picked up) ~6 (at|from) (different|multiple|several|"
        "two|three|four|five|#) (pharmacies|chemists|drugstores|drug stores|doctors)",
        "(my plan is|the plan is|i plan|i am planning|planning|i am going|going) to take (everything|all of it|all of "
        "them|them all|it all) (i have|i have got|i saved|i have saved|i have been saving|at once|in one go)",
    ]),
    ("plan", "self", [
        "(took|take|taking|pulled|removed|disabled|disconnected|unplugged) ~5 (smoke detector|smoke alarm|co detector|"
        "carbon monoxide detector|carbon monoxide alarm|fire alarm) ~8 (charcoal|coals|grill|bbq|barbecue)",
        "(charcoal|coals|grill|bbq|barbecue) ~8 (smoke detector|smoke alarm|co detector|carbon monoxide detector|"
        "carbon monoxide alarm) (out|off|disabled|unplugged|disconnected)",
        "(going|heading|walking|driving|go|head|walk|drive|went|drove|walked) (to|into|out to|up to) the (woods|forest|"
        "mountains|lake|river|bridge|cliffs|cliff|tracks|quarry|dam|desert) ~4 with (a|the|my) (<hang>|<gun>|<means>)",
        "(so|so that) i (can|could|will be able to) (drive|swerve|steer|crash) [(my car|the car|it)] (off|into) (a|the) "
        "(cliff|bridge|overpass|pier|coast road|edge|embankment|ravine|river|lake|sea|ocean|wall|tree)",
        "(code|combination|combo) (to|for|of) (my <relative> s|dad s|his|my <relative>) (gun safe|gun cabinet|gun "
        "locker|safe with the gun|gun box)",
        "(gun safe|gun cabinet|gun locker|gun box) (code|combination|combo|key) is",
        "(insurance|life insurance|the policy|my policy) ~10 (count as|counts as|cover|covers|pay out for|pays out "
        "for|pay out on|pays out on|pay for|pays for|pay out after|pays out after) (suicide|it if i kill myself|"
        "a suicide)",
    ]),
    ("plan", "self end", [
        "(measured|measuring|checked|checking|calculated|calculating|worked out) (the height|how high|how far down|the "
        "drop|the distance down|how many floors) (of|from|off) (the|my|our|this|that) <height>",
    ]),
    ("passive_ideation", "", [
        "(the|those|that|this) <height> ~12 (every night|every day|every morning|every evening|all the time|again and "
        "again|most nights|each night) ~4 [and] (think about it|think about jumping|think about falling|stare down|"
        "look down|imagine it|imagine jumping|picture it|picture myself falling)",
        "(walk|go|drive|stand|sit|walked|went|drove|stood|sat) (there|to the <height>|by the <height>|on the <height>|"
        "up to the <height>) (every night|every day|every morning|every evening|most nights|each night|again) [and] "
        "(think about it|think about jumping|think about falling|stare down|look down|imagine it|imagine jumping|"
        "picture it|picture myself falling)",
    ]),
    # A note's words: to whoever finds it, why it was left, the end of the road, nothing mattering after
    # a time, peace made with dying, finding out soon what comes after death (strong); and alone too weak
    # -- a thing left to someone, a pet to be looked after, letters to everyone, forgiveness asked, a wish
    # to be cremated -- but two of them apart are a farewell ("i want my sister to have my ring. tell
    # everyone i'm sorry").
    ("farewell", "", [
        "(if (you are|your|youre) reading this|to whoever finds this|whoever finds this|to whoever reads this|by the "
        "time you (read|see|find) this) ~10 (i love you|i am sorry|i am so sorry|forgive me|not your fault|none of this is on "
        "you|none of this is your fault|i love you all)",
        "(made|making|have made) [my] peace with (dying|death|my death|my decision|leaving|going|it all ending|the end)",
    ]),
    ("farewell", "end", [
        "this is the end of the (road|line) for me",
        "(it is|that is|this will be|it will be) the (last|final) time (you will|you are going to|you all will|anyone "
        "will|anybody will|you guys will) (see|hear from) me",
        "(leaving|writing|posting|putting) this (here|down|online) so (someone|somebody|people|you all|everyone|they|"
        "my <relative>|my family) (knows|know|will know|understand|understands|will understand) why",
    ]),
    ("farewell", "ordinary end", [
        "(after|by|past) (tonight|tomorrow|today|this weekend|friday|saturday|sunday) (none of this|nothing|it|none of "
        "it) (will|is going to|would) matter [anymore]",
    ]),
    ("farewell", "weak", [
        "(if (you are|your|youre) reading this|to whoever finds this|whoever finds this|to whoever reads this)",
        "(happens|comes|is there anything) (after|when) (we|you|people|i) die",
        "i want my <relative> to have my (<keepsake>|ring|necklace|savings|money|room|things|stuff|clothes|books)",
        "make sure my <keepsake> (goes to|gets|is taken care of|is looked after|finds|has)",
        "(written|wrote|writing|write) (everyone|each of you|all of you|every one of you|my whole family|my family|"
        "everybody) (a letter|letters|a note|notes|goodbye letters|a goodbye)",
        "my (last|final|dying) (wish|request) (is|would be)",
        "(none of this|this|it) (is|was) (on you|your fault|anyone s fault|anybody s fault)",
        "(i am sorry|sorry|forgive me) [that] i (could not|was not|can not|will not) [be] (stronger|strong enough|"
        "enough|better|the (son|daughter|friend|mother|father) you (wanted|deserved|needed))",
    ]),
    ("farewell", "weak end", [
        "(they|you|she|he|everyone) will understand (eventually|one day|someday|in time|why|later)",
        "i want to be cremated",
        "i (will|am going to|am gonna) find out (soon|tonight|tomorrow|shortly|for myself)",
        "(tell|please tell) (everyone|everybody|them all|all of them|my family|my friends) (i am|that i am|i was) sorry",
        "(please forgive me|i am sorry forgive me|sorry forgive me|forgive me for everything|forgive me for what i am "
        "about to do|forgive me for this|forgive me for leaving)",
        "this world (was|is) (never|not) (meant|made) for (me|people like me)",
    ]),
    # Method questions said without the words: falling asleep in a garage with the car, dying from a
    # count of a medicine, an overdose's effect on the body, the lethal dose, a jump in front of a train
    # being instant, the easiest way to "end things", the vein to cut, surviving a fall from a floor,
    # a death made to look natural, the feeling before dying of blood loss; a comparison of suicide
    # with something else (passive).
    ("plan", "", [
        "(is it true|do you|does it|will i|would i|do people|would you|will you) ~4 (fall asleep|feel nothing|feel "
        "anything|feel no pain|just pass out|just go to sleep) ~6 (car in the garage|in the garage|with the engine|"
        "exhaust|carbon monoxide|charcoal)",
        "can (you|i|someone|a person|people) die from (taking|swallowing|having|eating) ~2 (a whole|all|the whole|too many|"
        "a bottle of|a box of|a pack of|a handful of|all my|my whole) ~2 <means>",
        "what (happens|would happen|will happen) [to (your|my|the) body] (if|when) (you|i|someone|a person) "
        "(overdose|od|overdoses) on <means>",
        "is (jumping|stepping|throwing yourself|lying down|standing) (in front of|under|off|from) (a|the) (train|truck|"
        "bus|bridge|building|roof|car|subway|tube) (instant|quick|painless|fast|certain|guaranteed|100 percent)",
        "(which|what|where is the|where are the) (vein|artery|veins|arteries) ~4 (cut|slice|hit|to cut|you cut|you "
        "have to cut|do you cut|should i cut)",
        "how (many|much) ~4 (of my|my) <means> ~3 (is|are|would be|would it take to be) (dangerous|lethal|fatal|deadly|"
        "an overdose|too much to survive)",
        "(what|which) (dose|amount|number|dosage|quantity) [of <means>] (is|would be|counts as) (lethal|fatal|deadly)",
        "(can you|could you|would you|do people|does anyone|can someone|would i|could i|can i) survive (falling|"
        "jumping|a fall|a jump|a drop) (from|off) (the|a) ~2 (floor|story|storey|stories|floors|bridge|building|roof|"
        "balcony|cliff|overpass)",
        "(i can|i could|i will|i would|i want to|i need to|how (do|can|could|would) i|is there a way to|a way to|i am "
        "going to|going to|gonna|i am gonna|i will just|i should) make it look like (natural causes|i died in my "
        "sleep|a heart attack|an accident|i fell)",
        "(way|ways|method|methods) to go without (anyone|anybody|my family|people|them|my <relative>) (knowing|finding "
        "out|noticing|suspecting|realizing)",
        "(what|how) (do|does|would|will) (you|it|one|i) feel ~4 (before|when|as) (you|i|one) (die|bleed out|pass "
        "out) (from|of) (blood loss|bleeding|an overdose|overdose|hanging|drowning)",
    ]),
    ("plan", "end", [
        "(easiest|quickest|best|least painful|most painless|simplest|fastest|surest) way to (end things|end it|end it "
        "all|check out|not wake up|leave this world|get it over with|stop existing|disappear for good)",
    ]),
    ("passive_ideation", "", [
        "(what is|which is|what would be|which would be|whats) (worse|better|easier|less painful|more painful|kinder|"
        "less selfish|more selfish) ~5 (suicide|killing myself|me dying|dying by suicide) or",
    ]),
    # The means emoji with what is done with them: a rope "ready", pills counted or the bottle empty, a
    # knife and blood "deeper this time".
    ("plan", "", [
        "(emoji_rope|emoji_gun|emoji_pill) [emoji_rope|emoji_gun|emoji_pill] (is|are) (ready|set|waiting|tied|loaded|"
        "counted|lined up)",
        "(counting|counted|count) (them|my pills|the pills|my meds) ~2 emoji_pill ~1 (# so far|so far|already|enough|"
        "all of them|# of them)",
    ]),
    ("attempt_in_progress", "", [
        "(the|my) (bottle|bottle s|pill bottle|packet|box) [is] (empty|all gone|finished) ~2 emoji_pill",
        "emoji_pill ~2 (the|my) (bottle|bottle s|pill bottle|packet|box) [is] (empty|all gone|finished)",
    ]),
    ("self_injury", "severe", [
        "(emoji_knife|emoji_blood|emoji_razor) [emoji_knife|emoji_blood] ~3 (deeper|too deep|so deep|really deep) "
        "(this time|than ever|than before|than last time|tonight)",
    ]),
    ("plan", "weak timed end", [
        "i have (it|everything) all (worked out|planned out|figured out|planned)",
    ]),
    ("timing", "", [
        "(when|while|once|after) (my roommate|my roommates|my <relative>|my parents|everyone|they) (is|are|goes|go) "
        "(at|away at|out at|to) (work|school|her parents|his parents|their parents|her mom s|his mom s|church|her "
        "boyfriend s|his girlfriend s|a party|the party|her night shift|his night shift|the night shift)",
        "(wait|waiting) (until|till|til|for) (my roommate|my roommates|my <relative>|my parents|everyone|they) "
        "(leaves|leave|goes|go|is asleep|are asleep|falls asleep|fall asleep|is gone|are gone) [for (work|her night "
        "shift|his night shift|the night shift|the weekend|vacation)]",
    ]),
]
RULES.extend(RULES_NINETEEN)
# Session 19 (en-intensity reading, issue #14): giving up on life said as a way out ("tapping out of
# life", "calling it quits on life", "done being alive"), a cry for help denied ("not a cry for help",
# "this isn't attention seeking"), internet and regional slang (ctb with a time, UK "top myself" /
# "neck myself", "log off life", "despawn", "dip permanently", AAVE "ion wanna be here no more"),
# and means or self-harm severity told without the words (pills counted out "that should do it", a
# rope bought "and i know what it's for", a rope tied to a beam, the car in a shut garage, stitches
# hidden, fat showing in a cut, bleeding through a towel).  Every phrase written for this reading;
# look-alikes (gaming, an assignment, leaving a forum, a kitchen cut, a swing, a pill organiser, a
# pint) in tests/test_screening_reading_en_s19.py.  ``noaccident``: dropped when the sentence tells
# an accident (engine._ACCIDENT: "chopping onions", "fell off my bike").
RULES_NINETEEN_B: list[tuple[str, str, list[str]]] = [
    ("passive_ideation", "", [
        "(tapping|tap|tapped|checking|check|checked|bowing|bow|bowed|opting|opt|opted) out of (life|living|"
        "existence|this life|being alive|this world|the world)",
        "(calling it quits|call it quits|called it quits|throwing in the towel|throw in the towel|threw in the towel) "
        "on (life|living|being alive|existing|this life|staying alive)",
        "(i am|i) (done|finished|through) (being alive|existing|staying alive|trying to stay alive|with being alive|"
        "with existing)",
        "(i am|i) (fr|fr fr|frfr|deadass|so|just|honestly|actually) (done|finished) with (life|living|being alive)",
        "(no more|not another) (tomorrows|tomorrow|mornings) for me",
        "no more me",
        "(i|i just) want to be gone ~2 (permanently|forever|for good)",
        "ion [even] [really] want to (be here|live|be alive|exist|wake up) [(no more|anymore|any more)]",
        "(i is not|i am not) trying to (live|be here|be alive|exist|stay alive) (no more|anymore|any more)",
        "(there is no|no) respawn (for me|irl|in real life) [(this time|after this)]",
        "(respawn|respawning) (is not|is not even|will not be) an option (for me|irl|in real life)",
    ]),
    ("passive_ideation", "end", [
        "(i am|i) (done|finished) living",
        "(i am|i) (done|finished) living (for good|for real|permanently)",
        "(i am|i) (done|finished|through) with (living|this life)",
    ]),
    ("intensity", "final", [
        "not a cry for help",
        "(this|it) is not (attention seeking|for attention|me being dramatic|me seeking attention)",
        "not (for attention|attention seeking|seeking attention)",
    ]),
    ("intensity", "final end", [
        "game over for me [(fr|for real|now)]",
    ]),
    # "no more" closing a clause: emphasis beside despair ("no more. i can't do this anymore"), not a
    # whole message of its own ("no more" answers "any more questions?").
    ("intensity", "end", [
        "no more",
    ]),
    ("active_ideation", "", [
        "ctb (tonight|today|tomorrow|this weekend|soon|now|right now|this week|after school|after work)",
        "(log|logging|logged|log myself|logging myself) (off|out of|out from) (life|existence|this life|the world|"
        "reality|being alive) [(for good|permanently|forever)]",
    ]),
    ("active_ideation", "end", [
        "(top|topping|topped) myself [(this weekend|this week|after work|after school)] [(mate|man|bro|lads)]",
        "(neck|necking) myself [(this weekend|this week|after work|after school)] [(mate|man|bro|lads)]",
        "(want to|going to|ready to|wish i could|about to|need to|thinking about|thinking of|trying to|just) "
        "(despawn|despawning) [(myself|permanently|for good|irl|forever|in real life)]",
    ]),
    ("farewell", "ordinary end", [
        "(ready to|going to|about to|want to|time to|gonna|bout to) dip (permanently|forever|for good) [(no cap|"
        "deadass|for real|on god)]",
    ]),
    # "wrote goodbye letters to my parents": a goodbye in writing to one's own people ("a goodbye letter"
    # was read; the plural without a determiner was only a weak goodbye).  Not to coworkers or pupils.
    ("farewell", "ordinary", [
        "(wrote|written|writing|left|leaving|finished|drafted|drafting|typed) (goodbye|farewell) (letters|notes) "
        "(to|for) [(each of|all of)] (my <relative>|everyone i love|the people i love|my family and friends)",
        "(i am|i will be|i) (logging|log) off (permanently|forever)",
    ]),
    ("plan", "self", [
        "(counted|counted out|counting out|lined up|laid out|lining up|laying out|set out) (all|every|#|all of|every "
        "one of) ~2 <means> ~8 (should|will|would|ought to) (do it|be enough|do the job|do the trick)",
        "(<hang>|<means>|<sharp>|<gun>|rope|pills|blades) ~8 i (know|both know|already know) [exactly] what (it is|they "
        "are|it will be|they will be|it is really|they are really) for",
        "(the|my) (car|engine) (is|has been|left) running in the (closed|shut|locked) garage",
    ]),
    ("plan", "self end", [
        "(sitting|sat|sit|sitting here) in the car in the (garage|closed garage) with the (door|doors|garage door) "
        "(closed|shut|down)",
    ]),
    ("plan", "self end", [
        "(tied|tying|tie|hung|hanging|fixed|attached|secured) (the|a|my) (rope|noose|belt|cord|ligature) (to|on|from|"
        "over|around) (the|a|my) (beam|rafter|rafters|banister|bannister|ceiling|ceiling fan|closet rod|wardrobe rail|"
        "door frame|doorframe|light fixture|loft hatch|stair rail|curtain rail)",
    ]),
    ("lethal_means", "possession athand end", [
        "(looked up|looking up|googled|googling|checked|checking|researched|researching|searched|searching) how "
        "(tall|high) (the|that|this) (bridge|parking garage|car park|overpass|viaduct|cliff|dam) ~6 (is|was)",
    ]),
    ("lethal_means", "possession athand", [
        "(looked up|looking up|googled|googling|checked|checking|researched|researching|searched|searching) how "
        "(tall|high) (the|that|this) (bridge|parking garage|car park|overpass|viaduct|cliff|dam) ~6 (is|was) and i",
    ]),
    ("self_injury", "severe noaccident", [
        "stitches ~8 (hide it|hiding it|hide them|hiding them|can not tell anyone|can not tell my <relative>|"
        "no one can know|nobody can know|no one can find out|nobody can find out|can not go to the hospital|"
        "can not go to the er|can not go to a e|without anyone knowing|so nobody finds out|so no one finds out|"
        "they will find out|i will not go|i am not going)",
        "(cut|cuts|cutting|too deep|wound|gash|went deep|went too deep) ~8 (i can see|can see|i could see|you can see|"
        "showing|exposing|down to|see the) (fat|the fat|fat tissue|bone|the bone|muscle|the muscle|tendon|yellow fat|"
        "the yellow|yellow stuff|white stuff|the white)",
        "(my|the) (cut|cuts|wound|wounds|gash|gashes) (is|are|is still|are still|keeps|keep) (gaping|gaping open|wide "
        "open|split open|pouring|gushing|spurting|opening)",
        "(it|the cut|the cuts|my cut|my cuts|my arm|my wrist|my leg|my thigh) (is|has been|keeps|keep|are|is still) "
        "(bleeding|soaking) through (the|a|my|another|every|all the) (towel|towels|bandage|bandages|gauze|shirt|"
        "sleeve|sheets|tissues|paper towels|plasters|bandaids)",
        "(my wrist|my arm|my thigh|my leg|the cut|the cuts|my cuts|my cut) (will not|does not|is not|can not|will "
        "not even) stop bleeding",
    ]),
]
RULES_NINETEEN_B += [
    # UK / Australian slang and more ways out said as a wish or an intent.
    ("active_ideation", "end", [
        "(do|doing|going to do) myself in [(this weekend|this week|after work|after school)] [(innit|mate|man|bro|"
        "lads)]",
        "(going to|ready to|about to|planning to|i will|i am going to) leave this (world|earth|planet|life) [behind] "
        "[(for good|forever|permanently)]",
    ]),
    ("passive_ideation", "end", [
        "(want to|going to|ready to|wish i could|hope i|just want to|about to) cark it",
        "(want to|wish i could|just want to) leave this (world|earth|planet|life) [behind] [(for good|forever|"
        "permanently)]",
        "(i am|i) ready to go ~2 (forever|for good|permanently)",
    ]),
    ("passive_ideation", "", [
        "(letting|let|letting myself|ready to let) go of (life|living|this life|being alive)",
        "ion [even] see the point (of|in) (living|life|being alive|going on|waking up) [(no more|anymore)]",
    ]),
    ("active_ideation", "", [
        "(alt f4|altf4|alt f 4) (myself|my life|my existence|life|my own life)",
        "(thought about|thinking about|think about|kept thinking about|keep thinking about|wanted to|want to) "
        "(stepping|step|jumping|jump|leaning|lean|falling|fall|walking|walk) (off|forward|out|in|onto the tracks) "
        "(when|as|before|in front of) the (train|tram|bus|truck|lorry) [(came|was coming|comes|pulled in|passed)]",
    ]),
    ("active_ideation", "subj nowith", [
        "(i am|i am finally|i am really|i am actually) ending it (for real|this time|for real this time)",
    ]),
    ("intensity", "final end", [
        "(i am|i) out (for good|forever|permanently|for real this time)",
    ]),
    # A rope rigged, pills popped into a jar, a height sat or stood at and looked down from.
    ("plan", "self end", [
        "(got|have|set|put|rigged|hung) (the|a|my) (rope|noose|belt|cord) (set up|rigged|up|hung|hanging|ready) "
        "(in|on|from) (the|my) (garage|closet|wardrobe|attic|loft|basement|shed|room|bedroom|stairs|stairwell|"
        "beam|rafters|banister|bannister)",
    ]),
    ("plan", "self", [
        "(taken|took|popped|popping|pushed|pushing|pressed|pressing|got|getting|emptied|emptying|tipped|tipping) ~3 "
        "<means> out of (the|all the|their|all my|my) (packets|packet|blister packs|blister pack|blisters|boxes|"
        "box|bottles|strips|foil) ~6 (in|into) (a|the|one) (jar|pile|glass|bowl|cup|bag|tin|container|row|heap|mug)",
    ]),
    ("lethal_means", "possession athand", [
        "(sat|sitting|stood|standing|been sitting|been standing) on the (edge|ledge|railing|rail|wrong side|other "
        "side of the railing) of (the|a) (bridge|roof|building|car park|parking garage|overpass|cliff|tower block|"
        "multi storey)",
        "(sat|sitting|stood|standing|been sitting|been standing|climbed|climbed over|got) (on|to|over to) the (wrong "
        "side|other side) of the (railing|rail|barrier|fence|railings) (of|on) (the|a) (bridge|roof|building|car park|"
        "parking garage|overpass|cliff|tower block|multi storey)",
        "(went|go|going|walked|walk|drove|drive|keep going) (to|back to) the (bridge|overpass|cliff|tracks|roof|"
        "car park|parking garage) ~4 (looked down|stared down|looking down|staring down|stood there|stand there|"
        "sat there|sit there|just stood|just stand) [(for ages|for hours|for an hour|for a long time|thinking|again)]",
        # Session 21: "i'm on the roof looking down" ("... looking down at the parade" is a scene).
        "(i am|i am up|i am out|i am standing|i am sitting|i am just|i climbed|climbed) (on|onto|up on|up to) the "
        "(roof|rooftop|ledge|railing|bridge|overpass|balcony) [(railing|edge|ledge)] [of (my|the) building] [(and|just)] "
        "[i am] (looking|"
        "staring|peering|gazing) (down|over the edge|at the drop)",
    ]),
    ("self_injury", "severe noaccident", [
        "(superglue|superglued|super glue|super glued|glue|glued|steri strips|butterfly strips) ~4 (the|my) (cut|cuts|"
        "wound|wounds|gash) ~6 (so i (did not|do not|would not|will not|would not have to|did not have to)|instead "
        "of) ~3 (go|going|get|getting|have) ~3 (hospital|a e|a and e|the er|er|stitches|the doctor)",
        "(i|i think i|i might have|i may have|i have|i might of) (cut|hit|nicked|sliced) (an|my|the|a) (artery|vein|"
        "tendon)",
    ]),
]
RULES.extend(RULES_NINETEEN_B)

# Session 20 (issue #14): a quantity asked about as a threshold ("how many paracetamol is too many",
# "how many sleeping pills would be too many"), not a day's dose ("... is too many in a day": a
# time follows, and ``end`` needs the question to end there).
RULES_TWENTY: list[tuple[str, str, list[str]]] = [
    ("plan", "end", [
        "(how much|how many) [(of my|of the|of these|of those|of your|of)] [sleeping] <means> (is|are|would be|will be) "
        "(too much|too many|an overdose|a lethal amount|lethal|fatal|deadly)",
    ]),
    # "after tonight you won't have to worry about me" (not beside a move or a trip: ``ordinary``).
    ("farewell", "ordinary", [
        "(after tonight|after today|by tomorrow|from tomorrow on|after this weekend) [,] (you|they|you all|you guys|"
        "everyone|nobody|no one) (will not|wont|will never|will no longer|are not going to) (have to|need to|be able to) "
        "(worry about|deal with|put up with|take care of|look after) me [(again|anymore|any more)]",
    ]),
    # In the car with the engine on and the garage shut, in either order.
    ("plan", "", [
        "(in|sitting in|sat in) the car with the (engine|exhaust) (running|on) ~6 [the] garage [door] [(is|s)] (shut|closed|"
        "locked)",
        "[the] garage [door] [(is|s)] (shut|closed|locked) ~6 (in|sitting in|sat in) the car with the (engine|exhaust) "
        "(running|on)",
    ]),
]
RULES.extend(RULES_TWENTY)

# Session 21 (issue #14): crisis said without the words, written fresh for this session with their
# look-alikes (tests/test_screening_reading_s21.py).
RULES_TWENTY_ONE: list[tuple[str, str, list[str]]] = [
    # The means looked at for a long time ("i looked at the knife for a long time tonight"): with the
    # means named, a plan, as "i keep staring at the rope".
    ("plan", "weak preocc end", [
        "(looked|stared|gazed|was looking|was staring|sat looking|sat staring) at (the|my|that|those|these) ~2 "
        "(<hang>|<gun>|<sharp>|<means>) (for|for such) (a long time|ages|hours|an hour|so long|a while|half the night)",
    ]),
    # Who gets one's things, written down; sorry for what happens tomorrow; the last time one talks to
    # anyone; "nobody's gonna find me this time" -- each closing the clause ("... when i move out" goes on).
    ("farewell", "ordinary end", [
        "(wrote down|written down|write down|writing down|made a list of|decided|listed) who (gets|will get|should get|is "
        "getting|can have) (my|all my) (stuff|things|belongings|money|savings|cat|dog|pets|stuff when i am gone)",
        "(sorry|i am sorry|saying sorry|apologising|apologizing) [now] [in advance] for what (happens|is going to happen|"
        "will happen|i am going to do|i am about to do) [(tomorrow|tonight|later|next)]",
        "(this is|this will be|it is|this might be) [probably] the last time (i will|i ll|i am going to) (talk to|speak to|"
        "message|text|write to|talk with) (anyone|anybody|you|you all|you guys|everyone|someone)",
        "(nobody|no one|noone) (is going to|will|is gonna) find me (this time|in time)",
    ]),
    # Not being here in the morning, free tonight at last: ``mod`` (moderate), closing the clause
    # ("can't promise i'll be here in the morning, my shift starts at 6" goes on; "free of exams" too).
    ("farewell", "ordinary end mod", [
        "(can not|cannot) promise (i will|i ll|that i will|that i ll) (be here|still be here|be around|make it) "
        "[(in the morning|tomorrow|by morning|tonight)]",
        "(tonight|today|tomorrow) i am [finally] (going to|gonna) be (free|at peace|at rest)",
    ]),
    ("farewell", "ordinary end", [
        "(can not|cannot) promise (i will|i ll|that i will|that i ll) (be alive|still be alive|wake up) "
        "[(in the morning|tomorrow|by morning|tonight)]",
    ]),
    # Walking into the sea, said with intent ("i'm going to walk into the sea tonight").
    ("method", "frame method end", [
        "(walk|walking|wade|wading) into the (sea|ocean|lake|river|water) [(tonight|today|tomorrow|now)] [and (not|never) "
        "(come|coming) back]",
    ]),
    # How far one must fall not to survive.
    ("plan", "", [
        "how (many|high|far) [(floors|stories|storeys|meters|metres|feet)] ~4 (fall|drop|jump) ~3 (to not survive|and not "
        "survive|to die|to be fatal|to be sure|to not wake up)",
    ]),
    # The means beside one while drinking or alone ("i'm drinking and i have the pills next to me").
    ("lethal_means", "possession athand end", [
        "(i have|i have got|i got|have|got) (the|my|all my|all the|a) (<means>|<sharp>|<gun>|<hang>|bottle) (next to|"
        "beside|in front of|right next to|right beside|here with) me",
    ]),
]
RULES.extend(RULES_TWENTY_ONE)

# Session 22 (issue #14): a batch written by a helper in its own words, without the key words.
RULES_TWENTY_TWO: list[tuple[str, str, list[str]]] = [
    # Goodbye letters written ("wrote goodbye letters to everyone"; "letters to everyone" was read).
    ("plan", "", [
        "(wrote|written|writing|left|leaving|finished) (goodbye|farewell|final|last) (letters|notes|a letter|a note) "
        "(to|for) (everyone|everybody|each of you|all of you|the people i love|my family|all my friends)",
    ]),
    # Where the letters are ("they're in my desk drawer"): a goodbye only beside the letters.
    ("farewell", "weak end", [
        "(they are|it is|both are) (in|on|under) (my|the) (desk drawer|drawer|desk|"
        "nightstand|pillow|kitchen table|bedside table)",
    ]),
    # How high, how long, how much: the answer someone would need ("what's the highest floor you can fall from and
    # not survive", "been googling how long it takes to bleed out", "how much insulin would be lethal").
    ("plan", "", [
        "(what is|which is|what floor is) the (highest|lowest|minimum) (floor|height|storey|story|bridge|building) ~6 "
        "(fall|jump|drop) ~2 (and|to|without) [(definitely|surely|certainly)] (not survive|die|not wake up|surviving|"
        "be sure)",
        "how (long|fast|quickly) (does it take|it takes|would it take|will it take|till|until) [(you|someone|a person)] "
        "(to bleed out|bleed out|to drown|to suffocate|to die from blood loss|to die of blood loss)",
        "how (much|many) <means> (would be|is|are|would it take to be|to be) (lethal|fatal|deadly|a lethal dose|"
        "an overdose|too much to survive)",
    ]),
    # Counted, and enough ("i counted the pills. 60 of them. should be plenty right"); in two sentences, two weak
    # plans ("i counted the pills for the week" and "should be plenty of food" go on, or are alone).
    ("plan", "self", [
        "(counted|have counted|counting) (the|my|all the|all my|all of my) <means> ~8 (should be|would be|will be|is "
        "that|that is|is it) (plenty|enough)",
    ]),
    ("plan", "weak end", [
        # (No "i" and no "again": a longer weak phrase would swallow the plan "counted the pills again".)
        "(counted|have counted|recounted) (the|my|all the|all my|all of my) <means>",
        "(that|it|this|they) (should|would|will|ought to) be (plenty|enough) [right]",
        "(should|would|will|ought to) be (plenty|enough) [right]",
    ]),
    # Gone once this is posted ("once i post this im gone"); accounts deleted first (weak).
    ("farewell", "ordinary end", [
        "(once|after|when|as soon as) i (post|send|publish|hit send on|upload) this (i am|i will be|i will) (gone|be gone)",
    ]),
    ("farewell", "weak", [
        "(deleted|deleting|closed|closing|wiped) (all|all of|every one of) my (accounts|socials|social media|profiles) "
        "(except|but) (this|this one)",
    ]),
    # Waiting for the house to empty ("just waiting for the house to be empty"), and the knot tied beside it.
    ("plan", "weak end", [
        "(waiting|wait|waited) (for|until|till) (the house|the flat|the apartment|everyone|everybody|my parents|my "
        "roommates|them) (to be empty|to leave|to go out|to fall asleep|to be asleep|is asleep|are asleep|to go to bed)",
        "(tied|tying) the knot [(earlier|today|last night)]",
    ]),
    # Stopping existing, said as what one should do ("i should just stop existing. tonight").
    ("passive_ideation", "end", [
        "(i should|maybe i should|i ought to|time for me to|time to) [just] (stop existing|cease to exist|cease "
        "existing|not exist anymore|not exist any more)",
    ]),
    # Working up the nerve, with nothing after it ("been here an hour working up the nerve"): with means or a
    # height named, a plan ("... to ask her out" goes on).
    ("plan", "preocc end", [
        "(working up|work up|worked up|building up|build up|mustering|muster|summoning|gathering|getting) [(the|my)] "
        "(nerve|courage|guts)",
    ]),
    # Parked by the cliff: a means named, for the nerve worked up beside it (alone, "parked at the bridge waiting
    # for my friend" says nothing).
    ("lethal_means", "weak", [
        "(i am parked|parked|i parked|i am sitting in my car|sitting in my car|i am in my car) (by|at|near|next to|on|"
        "at the edge of|at the top of|above) (the|a) (cliff|cliffs|bridge|overpass|tracks|train tracks|quarry|dam|"
        "edge of the cliff|cliff edge)",
    ]),
    # Nothing left but oneself ("paid off my debts and cancelled my lease. last thing left is me").
    ("farewell", "end", [
        "[the] (last|only|final) thing (left|remaining|left to do|to take care of|left to deal with) (is|now is) (me|"
        "myself)",
    ]),
    # A poison bought "not for rats" (in two sentences, two weak plans).
    ("plan", "weak", [
        "(bought|got|picked up|have|ordered|purchased) ~3 (rat poison|antifreeze|weedkiller|weed killer|pesticide|"
        "insecticide)",
    ]),
    ("plan", "weak end", [
        "[(it is|and it is|and)] not for [the] (rats|mice|the garden|weeds|bugs|the bugs|the weeds)",
    ]),
    ("plan", "", [
        "(bought|got|picked up|have|ordered|purchased) ~3 (rat poison|poison|antifreeze|weedkiller|weed killer|"
        "pesticide|insecticide) ~8 (not for|and not for|it is not for) [the] (rats|mice|the garden|weeds|bugs|"
        "cleaning|the car|the mice)",
    ]),
    # Ending things at a time ("ending things tonight"; "... with him tonight" is a break-up).
    ("active_ideation", "intent nowith", [
        "(ending|end|going to end|gonna end|will end|about to end) things (tonight|today|now|for good|for real|this "
        "weekend|tomorrow)",
    ]),
    # Thinking about the means named just before ("there's a rope in the garage and i keep thinking about it"), or
    # knowing where the key or the ammunition is kept ("my dad's gun is in the closet and i know where the key is").
    # (One phrase with the means: "i keep thinking about it" alone is too common to support anything.)
    ("plan", "end", [
        "(<hang>|<gun>|<means>|<sharp>|pills|bottle of pills) ~6 (and|but|,) (i keep|i can not stop|i have been|i cannot "
        "stop) thinking about (it|them|using it|using them)",
        "(<gun>|guns|gun safe|<means>) ~6 (and|but|,) i (know|found out|figured out) where (the key is|he keeps (it|them|"
        "the key)|she keeps (it|them|the key)|they keep (it|them|the key)|the bullets are|the ammo is|the ammunition "
        "is|the key is kept)",
    ]),
    # Thinking about the tracks, and how fast the train is (two weak plans: "the 11pm one is fast" alone is a
    # commuter's).
    ("plan", "weak", [
        "(thinking|think|thought|keep thinking|been thinking|i keep thinking) about the (train tracks|tracks|railway|"
        "railroad|railway line|rail line|train line)",
    ]),
    ("plan", "weak end", [
        "the (# pm|# am|#|last|night|late|express|freight|fast|last night) (one|train) (is|goes|comes through|passes|"
        "runs) (fast|so fast|really fast|super fast|very fast|at full speed|without stopping)",
    ]),
    # A high place one keeps thinking about ("there's a bridge by my work i keep thinking about"): a human
    # looks (``athand``: moderate alone, high with a time, a goodbye or a plan); the clause ends there
    # ("... thinking about painting" goes on).
    ("lethal_means", "athand end", [
        "(<height>|bridge|overpass|train tracks) ~6 (i keep|i can not stop|i cannot stop|i have been|i have not stopped) "
        "(thinking about|thinking of)",
    ]),
    # Not coming back down ("going up to the roof tonight, not coming back down").
    ("farewell", "ordinary end", [
        "[(i am|and)] (not|never) (coming|going to come|gonna come) back down",
    ]),
    # Next time, no stopping ("next time i won't open the door").
    ("plan", "end", [
        "next time i (will not|am not going to|am not gonna) (open the door|turn it off|turn the engine off|stop "
        "myself|call for help|call anyone|get out|wake up|be found|chicken out|back out|tell anyone)",
    ]),
    # Catching the bus, said with a wink.
    ("active_ideation", "", [
        "(catch|catching|take|taking) the (bus|train) ~3 (if you know what i mean|iykyk|if u know what i mean)",
    ]),
    # Not planning on being here ("i don't plan on being here next week"; "..., i'm on vacation" is ordinary).
    ("farewell", "ordinary end", [
        "(do not|i do not|am not|i am not) (plan|planning|planning on|intending) (on|to) (being|be) (here|around|alive) "
        "(next week|much longer|by (the weekend|friday|monday|then)|tomorrow|next month)",
    ]),
]
RULES.extend(RULES_TWENTY_TWO)

# Session 24 (issue #14): single messages from helper batches written in their own words (look-alikes in
# tests/test_screening_reading_s24.py).
RULES_TWENTY_FOUR: list[tuple[str, str, list[str]]] = [
    # Not being here, wished or liked ("some days i wish i just wasnt here anymore", "id like to not be here
    # anymore"); "i wish i wasn't here at this meeting" has no "anymore".
    ("passive_ideation", "", [
        "(wish|wished|wishing) i (was|were) (not|no longer) (here|alive|around) (anymore|any more|at all)",
        "(i would|i) (like|love|prefer) to (not be here|not exist|not be alive|not wake up|stop existing|just die|"
        "die) (anymore|any more|already|at all|tbh|honestly)",
        "(would not|do not|would not really) mind (if i|if i just) (died|did not come home|never came back|never came "
        "home|was dead|were dead|did not make it|did not survive)",
        "(wish|hope|hoping|praying|pray) (this|it|today|tonight) (was|is|will be|would be) the last time i (wake up|"
        "woke up|wake|open my eyes)",
    ]),
    ("passive_ideation", "end", [
        "(wish|wished|wishing) i (was|were) not here",
        "(would not|do not|would not really) mind (if i|if i just) (did not wake up|never woke up) [(tomorrow|again)]",
        "(want|wanna|need) it [all] (over|to be over|to end|to stop) (for good|forever|permanently|once and for all)",
    ]),
    # Everything swallowed ("i just swallowed everything that was in the cupboard").
    ("attempt_in_progress", "self", [
        "i [have] [just] [already] (swallowed|downed) (everything|all of it|all of them|it all|the lot|whatever) "
        "~4 (cupboard|cabinet|medicine cabinet|drawer|bathroom|bottle|box|had|could find|was left)",
    ]),
    ("attempt_in_progress", "self end", [
        "i [have] [just] [already] (took|taken) (everything|all) (i had|i could find|i had left|in the medicine "
        "cabinet|in the bathroom cabinet)",
    ]),
    # Doing it once the message is sent ("doing it as soon as this sends").
    ("active_ideation", "do_it intent", [
        "(doing|do|going to do|gonna do|i will do|i am doing) it (as soon as|once|the second|right after|after|when) "
        "(this|i) (sends|send|posts|post|hit send|press send|is sent|is posted|send this|post this)",
    ]),
    # Deeper than meant, or than ever ("went way deeper than i meant to and it looks bad").
    ("self_injury", "severe", [
        "(went|cut|it went|they went|i went|cuts went|cut went) [(way|much|so much|a lot|far)] deeper than (i meant|"
        "i wanted|i intended|i planned|usual|ever|ever before|last time|before|normal|i thought)",
    ]),
    # Skin hurt till it bleeds ("scratched my arms till they bled again").
    ("self_injury", "", [
        "(scratched|scratching|scratch|clawed|clawing|picked|picking|dug|digging) [at] (my|at my) (arms|arm|legs|leg|"
        "skin|wrists|wrist|thighs|face|hands|stomach) (till|until|so hard) ~2 (bled|bleed|bleeding|blood)",
        "(hitting|hit|banging|banged|bashing|bashed|punching|punched) my head (against|into|on) (the|a) (wall|floor|"
        "door) (till|until) ~3 (dizzy|bled|bleeding|blacked out|passed out|threw up|saw stars)",
    ]),
    # Method questions without the words ("how long does a tylenol overdose take to work", "how deep would a cut
    # have to be to actually be fatal", "if someone stepped in front of a train would they feel anything").
    ("plan", "", [
        "how long (does|do|would|will|did) (a|an) [<means>] (overdose|od) [(of|on) <means>] (take|last|take to work|"
        "take to kill)",
        "how deep (would|does|do|should|must|did) (a|the|my) (cut|cuts|it) (have to|need to|has to|needs to) (be|go) "
        "~3 (fatal|lethal|deadly|to die|to bleed out|kill)",
    ]),
    ("plan", "self", [
        "(step|stepped|steps|stepping|jump|jumped|jumps|walk|walked|walks|walking) in front of (a|the) (train|bus|truck|"
        "lorry) ~3 (would|do|does|will|did|could) (they|you|it|someone|he|she|a person|i|u) (feel|hurt|suffer|"
        "know)",
    ]),
    # Not being around to say it ("tell my boys their dad loved them ... i wont be around to say it myself").
    ("farewell", "", [
        "(i will not|i am not going to|i am not gonna) be (around|here|alive) to (say|tell|see|watch) (it|them|this|"
        "that|her|him) [myself]",
    ]),
    # "please tell her it wasn't her fault." as a last word ("..., the rice burned" goes on).
    ("farewell", "end self", [
        "tell (her|him|them|my <relative>|my parents|my family|everyone) (it|that it) (was not|is not|was never|"
        "is never) (her|his|their|your|anyone's|anyones|anybody's) fault",
        "(signing|logging|checking) off for the (last|final) time",
    ]),
    # Where a relative keeps the gun or its key ("i know where my brother keeps the spare key for his shotgun
    # cabinet").
    ("plan", "self", [
        "(i|i already|already|i now|now i) know where (my|his|her|the) [<relative>] (keeps|hides|keep|hide|stores|"
        "leaves|locks) (the|his|her|their|its) [spare] (<gun>|ammo|bullets)",
        "(i|i already|already|i now|now i) know where (my|his|her|the) [<relative>] (keeps|hides|keep|hide|stores|"
        "leaves|locks) (the|his|her|their|its) [spare] (key|keys|code|combination) ~4 (<gun>|gun safe|gun cabinet|"
        "gun locker|safe|cabinet)",
    ]),
    # Most of one's things given away ("ive given away most of my things this week"), and pills saved drawn as
    # emoji ("been saving up my 💊 for when it gets bad enough").
    ("plan", "self ordinary", [
        "(giving|gave|give|given) away (most|half|nearly all|almost all|the rest|a lot) of my (stuff|things|belongings|"
        "possessions|clothes)",
    ]),
    ("plan", "self", [
        "(saving|saved|save|stockpiling|stockpiled|hoarding|hoarded|stashing|stashed|collecting|collected) [up] (my|"
        "the|some|all my|all the) emoji_pill",
    ]),
    # Stopped on the bridge to look down at the water ("stopped in the middle each time and looked down").
    ("lethal_means", "possession athand", [
        "(stopped|stood|stand|standing|stop) (in the middle|at the edge|on the edge|at the railing|by the railing|on "
        "the bridge|on the ledge) ~4 (looked|looking|stared|staring|look|stare) down (at|into) the (water|drop|river|"
        "tracks|traffic)",
    ]),
]
RULES.extend(RULES_TWENTY_FOUR)

# Session 25: a struggle with suicide itself ("i have depression and have struggled with suicide"); when
# it was is read as for any ideation ("in high school").
RULES_TWENTY_FIVE: list[tuple[str, str, list[str]]] = [
    # The writer is the subject ("i have struggled", "... and have struggled"): "the army has struggled with
    # suicide for decades", "veterans struggle with suicide" are not about the writer.
    ("active_ideation", "end", [
        "(i|i have|i have been|i am|and have|and have been|and am) [still] [really] (struggle|struggled|struggling|"
        "battle|battled|battling|fighting|fought|wrestling|wrestled) with (suicide|being suicidal|suicidality)",
    ]),
    ("active_ideation", "", [
        "(i|i have|i have been|i am|and have|and have been|and am) [still] [really] (struggle|struggled|struggling|"
        "battle|battled|battling|fighting|fought|wrestling|wrestled) with (suicide|being suicidal|suicidality) "
        "(for|since|every|all|most|on and off|again|lately|recently|too|daily|constantly|and|but|so|because)",
    ]),
    # Pills counted out and then taken ("counted twenty pills and took them"): an overdose told; deciding
    # whether to go on living ("i have to decide if i want to keep living").
    ("attempt_in_progress", "self end", [
        "[i] (counted|counted out|lined up|laid out|sorted out|put aside) ~3 (pills|tablets|capsules|meds|"
        "emoji_pill) ~3 and (took|swallowed|downed|have taken|just took|am taking) (them|them all|all of them|"
        "every one|the lot)",
    ]),
    ("passive_ideation", "self", [
        "(have to|need to|trying to|going to|gotta|got to) decide (if|whether) (i want to|it is worth|i should) "
        "(keep living|keep going on living|live|stay alive|go on living|be alive|exist)",
    ]),
]
RULES.extend(RULES_TWENTY_FIVE)

# ---------------------------------------------------------------- context cues
# Words skipped *inside* a phrase ("I want to fucking die").
SKIP_INSIDE = frozenset("""just really fucking fuckin fking fkn freaking freakin frickin fricking friggin
    effing bloody goddamn literally actually honestly seriously truly
    so kinda totally simply genuinely badly desperately even quietly finally already sometimes
    still often always probably lowkey highkey deadass sleeping come""".split())

# Session 18 (robustness reading): chat drops the "I" in front of a verb ("want to die tonight",
# "won't be here by morning", "took a bunch of pills", "really mean it this time").  A sentence that
# opens with one of these words (canonical form) is read with an implied "i" before it, so every
# first-person frame that starts with "i" also reads the pronoun-less sentence.  Not before a
# pronoun or a determiner that makes it a question or an order to someone else ("do you want to
# die?", "can someone help", "have a great day" reads as before: "i have a great day" says nothing).
IMPLIED_I = frozenset("""am will would can could do did have had know knew keep kept want wanted need wish wished
    feel felt hate hated took swallowed downed drank overdosed od picked chose decided bought ordered wrote
    tried attempted mean meant hope think thought planned made got found gave just really honestly literally
    finally already actually still never seriously truly lowkey genuinely kinda only cannot""".split())
# ... and an implied "i am" before these, when the next word is the one given ("going to take a long
# nap tonight", "thinking about jumping again", "sitting on the ledge").
IMPLIED_I_AM = {"going": frozenset({"to"}), "thinking": frozenset({"about", "of"}), "about": frozenset({"to"}),
                "sitting": frozenset({"on", "in", "at"}), "standing": frozenset({"on", "at", "in"}),
                "done": frozenset({"with"}), "ready": frozenset({"to"}), "tired": frozenset({"of"})}
# Chat hedges that do not make a message longer where its length is read ("suicidal" as a whole
# message, a death emoji in a short one): "s.u.i.c.i.d.a.l. and not ok right now tbh" is as short as
# it was without "tbh" (session 18).
UNCOUNTED = frozenset("tbh ngl fr frfr honestly lowkey deadass srsly".split())
# (Only an auxiliary is read as a question or an order before these: "will it", "can someone"; "mean it
# this time" keeps its "i".)
IMPLIED_I_AUX = frozenset("am will would can could do did have had cannot".split())
IMPLIED_I_NOT_BEFORE = frozenset("""i you u he she they we it someone somebody anyone anybody everyone everybody
    people this that there these those what who how why when where ya y'all yall""".split())

NEGATION_CUES = frozenset({"not", "never", "no", "nor", "neither", "nothing", "none", "nobody", "hardly", "zero"})
# Words between a negation cue and the trigger that undo the negation
# ("can't stop thinking about", "never wanted to die more").
PSEUDO_NEGATION = frozenset("""stop stopped help only more than so this as anymore longer sure until unless
    except why how what if whether but hate closer close know""".split())
# These subjects between cue and trigger start a new clause ("I don't know why I want to die").
SUBJECT_WORDS = frozenset("i you he she they we it".split())

HYPOTHETICAL_CUES = (
    " if ", " what if ", " imagine ", " imagining ", " suppose ", " supposing ", " hypothetically ",
    " pretend ", " in case ", " unless ", " dream ", " dreamt ", " dreamed ", " nightmare ", " could have ",
    " would have ", " might have ",
    " would it be ", " is it normal to ", " is it bad to ", " is it wrong to ",
)
INTENT_CUES = (
    " going to ", " will ", " shall ", " plan to ", " planning to ", " planned to ", " plan on ",
    " planning on ", " about to ", " ready to ", " decided to ", " decide to ", " finally ", " intend to ",
    " intending to ", " bout to ", " time to ", " tonight ", " have to ", " got to ", " i am doing ",
    " trying to ", " i am going ", " gonna ",
)
DESIRE_CUES = (
    " want to ", " wants to ", " wanted to ", " wanting to ", " wish i could ", " wish to ", " would like to ",
    " feel like ", " feeling like ", " felt like ", " thinking about ", " thinking of ", " think about ",
    " think of ", " thought about ", " thought of ", " thoughts of ", " thoughts about ", " considering ",
    " consider ", " contemplating ", " contemplate ", " tempted to ", " urge to ", " urges to ", " need to ",
    " needs to ", " should ", " could ", " might ", " try to ",
    " dream of ", " dream about ", " dreaming of ", " dreaming about ", " fantasize about ",
    " fantasizing about ", " keep imagining ", " rather ", " wish i ", " hope i ", " considered ",
    " want nothing more than to ", " craving ", " crave ", " urge ", " before i ", " i am gonna ",
)
PAST_ATTEMPT_CUES = (" tried to ", " attempted to ", " attempted ", " tried ")

REMOTE_PAST_CUES = (
    " years ago ", " year ago ", " months ago ", " when i was ", " as a kid ", " as a teen ",
    " as a teenager ", " as a child ", " in high school ", " in middle school ", " in college ",
    " back then ", " back in ", " used to ", " in the past ", " at the time ", " last year ", " at age ",
    " a long time ago ", " long ago ", " years back ", " in my teens ", " in my twenties ", " growing up ",
    " once ", " at # ", " when i were ", " since i was ", " previously ", " a few years ", " my teens ",
    " for years ", " had been ", " got my stomach pumped ", " woke up in the hospital ", " woke up in hospital ",
    " survived ", " i remember when ", " remember when i ", " years since ", " year since ", " months since ",
)
RECENT_CUES = (
    " last night ", " yesterday ", " this morning ", " earlier today ", " today ", " tonight ", " just now ",
    " few days ago ", " couple days ago ", " couple of days ago ", " last week ", " this week ",
    " days ago ", " hours ago ", " an hour ago ", " recently ", " again ", " last month ", " this month ",
    " weeks ago ", " i just ", " right now ",
)
RECOVERY_CUES = (
    " doing better ", " better now ", " much better ", " in recovery ", " recovered ", " recovering ",
    " clean for ", " days clean ", " months clean ", " years clean ", " year clean ", " no longer suicidal ",
    " not suicidal anymore ", " glad i survived ", " glad to be alive ", " happy to be alive ",
    " grateful to be alive ", " glad i am alive ", " glad i am still here ", " made it through ",
    " got help ", " in a better place ", " so much better ", " things got better ", " it got better ",
    " it gets better ", " doing well ", " doing good ", " doing great ", " thankful to be alive ",
    " celebrating being alive ", " do not feel like that anymore ", " do not feel that way anymore ", " not like that anymore ",
)
QUOTE_META_CUES = (
    " what does ", " what is ", " means ", " mean ", " meaning ", " definition ", " stands for ",
    " stand for ", " acronym ", " abbreviation ", " slang for ", " the word ", " the phrase ", " the term ",
)
FICTION_CUES = (
    " song ", " lyrics ", " lyric ", " sings ", " sang ", " singing ", " movie ", " film ", " book ",
    " novel ", " episode ", " show ", " character ", " poem ", " quote ", " quoted ", " the line ",
    " album ", " track ", " meme ", " joke ", " game ", " anime ", " series ", " chapter ", " scene ",
    " play ", " story ", " villain ", " protagonist ",
)
SELF_REPORT_CUES = (
    " i said ", " i say ", " i told ", " i tell ", " i texted ", " i wrote ", " i keep saying ",
    " i screamed ", " i thought ", " i think ", " i keep thinking ", " i typed ", " search ", " searched ",
    " searching ", " google ", " googled ", " googling ", " type ", " typed ", " typing ",
)

# Session 17: one-word slang for killing oneself, read as talk about the word ("unalive is such a dumb
# tiktok word") or laughed off about an everyday nuisance in a chat-length message ("kms lmao this
# exam"): at most low, unless said in earnest ("fr", "not joking").  (engine._slang_aside)
SLANG_TERMS = frozenset("kms unalive ctb".split())
SLANG_META_CUES = (
    " word ", " words ", " term ", " terms ", " euphemism ", " euphemisms ", " slang ", " instead of ",
    " censor ", " censors ", " censored ", " censoring ", " censorship ", " algorithm ", " vocabulary ",
    " people say ", " people saying ", " why do people ", " language ",
)
# ("jk": "kms 🙄 jk obviously" about a meeting, session 22)
SLANG_LAUGHS = frozenset("lol lmao lmfao rofl haha hahaha hahahaha xd lolol jk jks jking".split())
SLANG_LAUGH_EMOJI = ("😂", "🤣", "💀")
SLANG_EARNEST = frozenset("""serious seriously joking kidding fr frfr deadass istg swear tonight""".split())
SLANG_EVERYDAY = frozenset("""exam exams test tests quiz quizzes homework hw assignment essay class classes lecture
    school teacher professor prof math calc chem physics finals midterm midterms game games level boss match ranked
    lobby traffic commute meeting meetings shift monday mondays alarm episode wifi printer code bug bugs deadline
    project presentation cringe embarrassing awkward ex group chat coffee keyboard laptop spilled knocked burnt
    burned dropped cracked""".split())
# "i'm going to delete myself from the group chat": an account or a list, not oneself (session 17);
# "... from existence" is not.
ACCOUNT_VERBS = frozenset("delete deleting deleted remove removing removed unsubscribe unsubscribing".split())
EXISTENCE_WORDS = frozenset("existence earth world life planet universe".split())

# Issue #14: what makes a goodbye an ordinary one (phrases flagged ``ordinary``), read on the
# normalised words: a sign-off that expects to meet again ("see you at the reunion", "talk
# tomorrow"; not "see you on the other side"), or a departure for a reason ("we're moving to
# Spain", "my flight", "last day at work", "where i'm going it's freezing").
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
SIGN_OFF_RX = (
    r" (?:see|c|meet|catch) (?:you|yall|everyone|everybody)(?: all| guys| two| both| lot| there)?"
    r"(?! (?:on the other side|in (?:the next|another|a better|heaven|hell|the afterlife|the stars|"
    r"the sky)|at (?:my|the) (?:funeral|grave|wake|memorial)|never|up there|(?:when|after|once) (?:i am|i have|it is) "
    r"(?:dead|gone|over|not here|died|passed)))"
    rf" (?:tomorrow|tonight|soon|later|l8r|then|there|around|again|next|on|at|in|this|after|when|once|"
    rf"{_DAYS}|weekend|sometime|real soon|bright and early|in a bit|in a while)\b"
    r"| (?:talk|speak|chat|text) (?:to you |with you |to yall )?(?:soon|later|tomorrow|tonight|next week|then|"
    rf"on (?:{_DAYS}))\b"
    r"| (?:ttyl|ttys|brb|laters|cya|cu soon)\b| (?:bye|goodbye|bye bye) for now\b"
    r"| (?:until|till|til) (?:next time|tomorrow|then|next week|later)\b"
    r"| (?:i will|i am going to|i will be|will be) (?:back|online|on) (?:tomorrow|soon|later|tonight|next|on|in|"
    r"after|by)\b"
    r"| (?:have|enjoy) (?:a|the|your) (?:good|great|nice|lovely|wonderful|fun|safe|happy|good rest of the) "
    r"(?:day|night|evening|weekend|week|summer|holiday|holidays|break|trip|flight|one|rest of)\b"
)
LEAVING_RX = (
    r" (?:moving|moved|move|relocating|relocate|emigrating|emigrate) (?:to|into|abroad|away|out|overseas|back|house|"
    r"across|in with|countries|cities|states|home|for)\b(?! (?:a better place|the other side|heaven|the afterlife|"
    r"somewhere better)\b)"
    r"| (?:new|next) (?:flat|apartment|house|place|home|job|school|city|country|team|server|class|phone|laptop|"
    r"owner|owners|semester|season)\b"
    r"| (?:my|the|our|a|this|his|her) (?:trip|holiday|holidays|vacation|flight|move|exchange year|semester abroad|"
    r"gap year|deployment|internship|honeymoon|retirement|graduation|leaving party|leaving do|farewell party|"
    r"going away party|send off|sendoff)\b"
    r"| (?:abroad|overseas|graduated|graduating|retiring|retired|upgraded|upgrading|deployed|deploying)\b"
    r"| last day (?:at|of|in) (?:work|the office|school|uni|college|the job|my job|this job|camp|the team)\b"
    r"| (?:flying|fly|flew) (?:to|out|home|back)\b| (?:leaving|left|off) (?:for|to) (?:uni|university|college|"
    r"camp|basic training|boot camp|the airport)\b| (?:leaving|left) (?:town|the country)\b"
    r"| while i am (?:away|gone|out|travelling|traveling)\b"
    # Issue #14: something else that ends ("it all ends tonight, season finale").
    r"| (?:season|series|grand|the) finale\b| (?:the|this|a|our|their) (?:sale|offer|deal|discount|promo|promotion|"
    r"giveaway|auction|tournament|exhibition|festival|tour|series|season|semester|term|contest|competition|"
    r"voting|stream|marathon)\b| (?:sale|discount|deal|offer|tickets|episode|season|finale) (?:ends|is|starts)\b"
    r"| on (?:holiday|vacation|leave|tour|a trip|a cruise|honeymoon|exchange|deployment|a plane|the plane)\b"
    r"| (?:it is|it will be|it gets|it is going to be) (?:so |too |really |super |always |like )?(?:freezing|"
    r"hot|warm|sunny|tropical|humid|snowy|snowing|raining|rainy|# degrees|minus #|summer|winter)\b"
    # Session 17: leaving an app or a site ("logging off for good from insta", "..., this site is toxic").
    r"| (?:from|off|on|of) (?:insta|instagram|twitter|tiktok|facebook|fb|reddit|discord|snapchat|snap|tumblr|youtube|"
    r"this app|this site|this website|this server|this sub|this subreddit|social media|socials|the internet|the group "
    r"chat|this group chat|this group)\b| (?:this|that) (?:app|site|website|server|sub|subreddit|platform|forum|board|discord) "
    r"(?:is|got|has|has become|became)\b"
)

FIRST_PERSON = frozenset("i me my myself mine im".split())
SECOND_PERSON = frozenset("you your yourself yourselves".split())
THIRD_PERSON = frozenset("""he she they him her them his their hers theirs himself herself themselves themself
    friend friends brother sister bro sis mom mum mother dad father parent parents son daughter kid kids
    child children boyfriend girlfriend husband wife partner ex cousin aunt uncle grandma grandpa grandmother
    grandfather roommate roomate classmate coworker colleague someone somebody student patient client guy
    girl man woman people person teen teenager niece nephew fiance fiancee neighbor neighbour stepmom
    stepdad stepdad teacher anyone everyone everybody who""".split())

# Session 19 (en-intensity): leaving a forum, a community or a server "for good" is leaving a place
# ("logging off for good, this forum has gotten toxic").
LEAVING_RX += (
    r"| (?:this|that|the) (?:forum|community|board|discord|server|chat|group|fandom|game|guild|clan) "
    r"(?:is|has|got|gets|became|feels)\b"
)
