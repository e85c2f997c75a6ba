"""English means, method questions and self-harm severity: the lead's reading (issue #14, session 17).

Means kept or hidden "for when i'm ready", a rope or a belt tied and ready, a hose for the car's
exhaust, medicine bought so that nobody would notice, drink and a whole prescription in front of
one; questions about how much of a medicine would be too much for someone who does not take it,
whether a fall of so many floors can be survived, what height makes sure, whether one feels
anything after a jump; looking up how tall a bridge or a parking garage is; a gun emoji held to the
head; stitches that are needed but would let others find out; a cut that will not stop bleeding
with dizziness.  And intensity: "i'm ending it all" (a plain phrase is no longer absorbed by the
ambiguous "i'm ending it" around it), ending it "for good", being close to giving up on life, the
last time one asks for help, a relapse that went deeper than meant.  In Spanish: gone for good as
a wish ("sería mejor que me fuera para siempre"), a whole box of a medicine kept put away, poison for
pests one does not have.  Every phrase was written for this reading; the look-alikes use the same words in
their everyday senses (a first-aid kit, flu season, a diabetic cat, roller-coaster heights, a truck
under a bridge, a tattoo, a pill organiser on refill day, a nosebleed, towing ropes).
"""

from __future__ import annotations

import pytest

from hearthside.safety.screening import LEVELS, screen

ORDER = {name: i for i, name in enumerate(LEVELS)}

# (text, the least level it must reach)
CRISIS: list[tuple[str, str]] = [
    ("the razor blades are hidden in my sock drawer for when i'm ready", "high"),
    ("pills are in the shoebox for when the time comes", "high"),
    ("i keep the belt hanging in the closet just in case", "high"),
    ("got the belt tied and ready in the wardrobe", "high"),
    ("keeping the rope hanging up in the garage just in case", "high"),
    ("bought a hose to fit the exhaust. nobody asked why", "high"),
    ("got a length of hose for my car exhaust", "high"),
    ("stocked up on tylenol from three different stores so nobody would notice", "high"),
    ("bought paracetamol at a few places so the pharmacist wouldn't get suspicious", "high"),
    ("how much insulin would be too much for a non diabetic", "high"),
    ("can you survive a 10 story fall", "high"),
    ("could you survive a 6 floor drop", "high"),
    ("what height do you need to make sure", "high"),
    ("which height is enough to not wake up", "high"),
    ("is it true that you don't feel anything if you jump from high enough", "high"),
    ("is it true you don't feel anything when you hit the water", "high"),
    ("would you feel it if you jump", "high"),
    ("i have a bottle of vodka and my whole prescription in front of me", "moderate"),
    ("sitting here with all my meds on the bed next to me", "moderate"),
    ("been googling how tall the parking garage downtown is", "moderate"),
    ("looked up how high the bridge by my house is", "moderate"),
    ("🔫 to my head is all i think about", "moderate"),
    ("i need stitches but i can't go to the er, they'll know", "moderate"),
    ("my wrist won't stop bleeding and i'm getting dizzy", "high"),
    # intensity
    ("i'm ending it all", "high"),
    ("i am ending it all", "high"),
    ("im ending it all tonight", "high"),
    ("i'm finally ending it for good", "high"),
    ("i'm this close to giving up on living", "moderate"),
    ("i'm so close to giving up on life for good", "moderate"),
    ("this is the last time i'm asking for help", "high"),
    ("this will be the last time i reach out to anyone", "high"),
    ("relapsed and went deeper than i meant to", "moderate"),
    ("keeping the pills for when i'm brave enough", "high"),
    # Spanish: gone for good as a wish, a whole box of a medicine kept put away, poison for pests one
    # does not have.
    ("sería mejor que me fuera para siempre", "moderate"),
    ("seria mejor si me fuera para siempre", "moderate"),
    ("sería mejor que desapareciera para siempre", "moderate"),
    ("todos estarían mejor si me fuera para siempre", "moderate"),
    ("Me siento una carga para todos, sería mejor que me fuera para siempre", "moderate"),
    ("tengo una caja entera de pastillas para dormir guardada", "high"),
    ("tengo un frasco entero de clonazepam escondido", "high"),
    ("tengo varias cajas de paracetamol guardadas.", "high"),
    ("compré veneno para ratas y no tengo ratas", "high"),
    ("consegui raticida pero no tengo ratones", "high"),
]

LOOK_ALIKES: list[str] = [
    "keep the first aid kit in the car for when the time comes to go camping",
    "i keep my winter coat in the closet just in case",
    "the rope is tied and ready for the tug of war tomorrow",
    "bought a hose for the garden and a new exhaust for the car",
    "stocked up on tylenol for flu season",
    "bought snacks at three different stores so nobody would notice i ate them all lol",
    "how much insulin is too much for my diabetic cat",
    "how much water is too much to drink in a day",
    "can you survive a fall from a plane without a parachute? saw it on a documentary",
    "what height do you need to ride the roller coaster",
    "do you feel anything when you get a tattoo on the ribs",
    "i have my whole prescription in front of me, refill day, sorting my pill organiser",
    "looked up how tall the eiffel tower is for my kid's project",
    "looked up how tall the bridge is so our truck clears it",
    "the bleeding won't stop, nosebleed again, any tips?",
    "the bleeding won't stop and i'm getting dizzy, nosebleeds suck",
    "my daughter needs stitches, the nurses will see us in an hour",
    "i need stitches on my hand from the kitchen knife, going to urgent care",
    "fell off my bike and i think i need stitches on my knee",
    "my brother keeps a belt and a rope in his truck for towing",
    "i'm holding the bottle of wine for you, come get it",
    "can i have a glass of wine with my prescription?",
    "i'm ending it with her this weekend, the relationship is dead",
    "i am ending it with him for good",
    "i'm ending my contract with the gym",
    "so close to giving up on this game for good",
    "i'm so close to giving up on this diet for good",
    "this is the last time i'm asking for help with your homework",
    "this is the last time i'm asking for help with the printer",
    "relapsed on sugar and went harder than i meant to lol",
    "cut my hair way too short, i look bald lol",
    "sería mejor que me fuera para siempre de este pueblo, aquí no hay trabajo",
    "sería mejor que me fuera a vivir a otra ciudad",
    "sería mejor que me fuera para siempre a España con mi tía",
    "tengo una caja entera de pastillas para dormir guardada en el botiquín",
    "tengo una caja de ibuprofeno guardada en el cajón de la cocina",
    "compré veneno para ratas y no tengo ratas todavía, pero el vecino sí",
    "compré veneno para ratas porque tengo ratas en el garaje",
]


@pytest.mark.parametrize(("text", "minimum"), CRISIS, ids=[t[:40] for t, _ in CRISIS])
def test_means_method_and_intensity_reach_level(text, minimum):
    got = screen(text).level
    assert ORDER[got] >= ORDER[minimum], f"{text!r}: {got}, expected at least {minimum}"


@pytest.mark.parametrize("text", LOOK_ALIKES, ids=[t[:40] for t in LOOK_ALIKES])
def test_means_method_and_intensity_look_alikes_stay_low(text):
    got = screen(text).level
    assert ORDER[got] <= ORDER["low"], f"{text!r}: {got}"

