"""The companion's Spanish texts (written for this project).

``MESSAGES`` maps each English text the engine says to its Spanish; where the project catalogue
(``hearthside/locale/es``) already has a text, the catalogue's wording is used unless this table
overrides it (the templates that name a feeling do: in Spanish the feeling is a noun phrase, “mucha
ansiedad”, so that every phrase fits every template whatever the person's gender). ``EXERCISES``
and ``ARTICLES`` hold the Spanish of the self-help exercises the companion runs in the
conversation and of the library articles it points to (the articles themselves are in English).
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # Feelings, as named in a check-in ("mood 6 out of 10; ansiedad, estrés").
    "anxious": "ansiedad", "stressed": "estrés", "sad": "tristeza", "angry": "enfado", "lonely": "soledad",
    "tired": "cansancio", "ashamed": "vergüenza", "good": "bienestar",
    "No": "No",
    # Opening and identity.
    "How are things for you right now?": "¿Cómo van las cosas ahora mismo?",
    "What's on your mind at the moment?": "¿Qué tienes en la cabeza en este momento?",
    "For a person to talk with, there's the support line (%(line)s) and our practitioners (%(care)s).":
        "Si quieres hablar con una persona, tienes la línea de apoyo (%(line)s) y a nuestros profesionales (%(care)s).",
    # Entering the crisis flow at a goodbye or an "ok" after what was said before (session 16).
    "I want to come back to what you told me earlier: it worries me, and I care how you are.":
        "Quiero volver a lo que me contaste antes: me preocupa, y me importa cómo estás.",
    "What you told me earlier is still with me, and I'm concerned about you.":
        "Sigo pensando en lo que me contaste antes, y me preocupas.",
    # Keeping help in view after a risk sign.
    "If it ever feels like too much, “Get help now” at the top of the page reaches people at any time, and the help"
    " panel shows crisis lines you can contact.":
        "Si en algún momento todo se te hace demasiado, “Busca ayuda ahora”, en la parte superior de la página, te"
        " pone en contacto con personas a cualquier hora, y el panel de ayuda muestra líneas de ayuda en crisis a las"
        " que puedes llamar.",
    "The help panel stays open alongside our conversation, with crisis lines, and the people on the support line are"
    " there if you'd like to talk with someone.":
        "El panel de ayuda sigue abierto junto a nuestra conversación, con líneas de ayuda en crisis, y las personas de"
        " la línea de apoyo están ahí si quieres hablar con alguien.",
    "Whatever you decide to share, help is close: the panel shows crisis lines, and I can connect you to the support"
    " line whenever you want a person to talk to.":
        "Compartas lo que compartas, la ayuda está cerca: el panel muestra líneas de ayuda en crisis, y puedo"
        " conectarte con la línea de apoyo cuando quieras hablar con una persona.",
    "I'll keep the help panel open while we talk, with crisis lines and the support line, in case things get"
    " heavier.":
        "Dejaré abierto el panel de ayuda mientras hablamos, con las líneas de ayuda en crisis y la línea de apoyo, por"
        " si las cosas se ponen más difíciles.",
    # A dismissive answer to the safety question, asked once more.
    "Okay. I'd still rather check than guess, because what you wrote earlier stayed with me.":
        "De acuerdo. Aun así prefiero preguntarte a suponer, porque lo que escribiste antes se me quedó grabado.",
    "I hear you. I'd still like to be sure you're okay, because what you said before worried me a little.":
        "Te escucho. Aun así me gustaría asegurarme de que estás bien, porque lo que dijiste antes me preocupó un poco.",
    "That's alright. I'd just rather ask plainly than assume, after what you told me.":
        "Está bien. Después de lo que me contaste, prefiero preguntártelo claramente antes que dar nada por hecho.",
    "Thank you for telling me more. It sounds really heavy, so I'd like to come back to my question.":
        "Gracias por contarme más. Suena muy pesado, así que me gustaría volver a mi pregunta.",
    "I hear how hard this is. Because it matters, I'd still like to ask you plainly.":
        "Noto lo difícil que es esto. Porque importa, me gustaría preguntártelo claramente.",
    "That sounds really painful. Can I ask you again, plainly?":
        "Eso suena muy doloroso. ¿Puedo volver a preguntarte, claramente?",
    # A disclosure of abuse.
    "Thank you for trusting me with this. What you describe is not okay, and you did nothing to deserve it.":
        "Gracias por confiarme esto. Lo que describes no está bien, y no has hecho nada para merecerlo.",
    # Someone already in a support-line conversation: the way back to it, not a second hand-off.
    "Back to your conversation": "Volver a tu conversación",
    "Your conversation with the support line is at the top of this page: you can tell the supporter there what"
    " you've told me.":
        "Tu conversación con la línea de apoyo está en la parte superior de esta página: puedes contarle a la persona"
        " que te atiende lo que me has contado.",
    "You're already connected to the support line, at the top of this page, and the supporter there is a person you"
    " can tell this to.":
        "Ya estás en contacto con la línea de apoyo, en la parte superior de esta página, y quien te atiende allí es"
        " una persona a la que puedes contarle esto.",
    "You're already connected to the support line: your conversation with the supporter is at the top of this page,"
    " and you can write to them there.":
        "Ya estás en contacto con la línea de apoyo: tu conversación con la persona que te atiende está en la parte"
        " superior de esta página, y puedes escribirle allí.",
    "You're already in a conversation with the support line. It's at the top of this page, and the supporter will"
    " see whatever you write there.":
        "Ya tienes una conversación abierta con la línea de apoyo. Está en la parte superior de esta página, y quien te"
        " atiende verá lo que escribas allí.",
    "I'm staying here too, and the help panel stays open.": "Yo también sigo aquí, y el panel de ayuda sigue abierto.",
    "I'm still here as well, and the help panel stays open.": "Yo sigo aquí también, y el panel de ayuda sigue abierto.",
    # A gentle check-in after a first sign of despair (help kept in view).
    "It sounds like %(s)s has left you feeling %(f)s, and that it goes deeper than a bad day.":
        "Parece que lo de %(s)s te ha dejado con %(f)s, y que va más allá de un mal día.",
    "With %(s)s on top of everything, it sounds like you're feeling %(f)s, and very worn down by it.":
        "Con %(s)s encima de todo lo demás, parece que sientes %(f)s, y que todo esto te está desgastando mucho.",
    "I'm hearing a lot of pain in what you say about %(s)s, and that you're feeling %(f)s.":
        "Noto mucho dolor en lo que cuentas sobre %(s)s, y que sientes %(f)s.",
    "It sounds like you're feeling %(f)s, and that it has been building for a while.":
        "Parece que sientes %(f)s, y que se ha ido acumulando desde hace tiempo.",
    "You sound %(f)s, and more worn down than a bad day would explain.":
        "Por lo que dices, sientes %(f)s, y un desgaste que va más allá de un mal día.",
    "I can hear that you're feeling %(f)s, and that it's weighing on you a lot.":
        "Noto que sientes %(f)s, y que te pesa mucho.",
    "It sounds like things have been really dark for you lately.":
        "Parece que las cosas han estado muy oscuras para ti últimamente.",
    "That sounds like a lot of pain to be carrying.": "Suena a mucho dolor para cargar con él.",
    "What you're describing sounds really painful.": "Lo que describes suena muy doloroso.",
    "It sounds like you've been going through something very hard.":
        "Parece que estás pasando por algo muy difícil.",
    "I'm sorry it feels this heavy right now.": "Siento que ahora mismo todo pese tanto.",
    "Thank you for saying it here.": "Gracias por decirlo aquí.",
    "I'm glad you put it into words.": "Me alegra que lo hayas puesto en palabras.",
    "You don't have to go through it on your own.": "No tienes que pasar por esto a solas.",
    "It matters that you said it.": "Importa que lo hayas dicho.",
    "How are you holding up right now, in this moment?": "¿Cómo lo estás llevando ahora mismo, en este momento?",
    "When it gets this heavy, what helps you get through, even a little?":
        "Cuando todo pesa tanto, ¿qué te ayuda a sobrellevarlo, aunque sea un poco?",
    "Would you tell me a bit more about how bad it gets, at its worst?":
        "¿Me contarías un poco más sobre lo mal que se pone, en los peores momentos?",
    "How are you coping with it today?": "¿Cómo lo estás sobrellevando hoy?",
    "Is there anyone around you who knows how hard things are right now?":
        "¿Hay alguien cerca de ti que sepa lo difíciles que están las cosas ahora mismo?",
    "How long has it felt this heavy?": "¿Desde cuándo se siente así de pesado?",
    "Are you having any thoughts of ending your life? A simple yes or no is fine.":
        "¿Tienes pensamientos de quitarte la vida? Basta con un sí o un no.",
    "Are you thinking about ending your life? You can just answer yes or no.":
        "¿Estás pensando en quitarte la vida? Puedes responder simplemente sí o no.",
    "Have you been having thoughts of ending your life? Yes or no is enough.":
        "¿Has tenido pensamientos de quitarte la vida? Con un sí o un no es suficiente.",
    # Coming back to it a few turns later.
    "It sounds like you're feeling %(f)s right now.": "Parece que ahora mismo sientes %(f)s.",
    "I can hear that you've been feeling %(f)s.": "Noto que has estado sintiendo %(f)s.",
    "You sound %(f)s right now.": "Por lo que dices, ahora mismo sientes %(f)s.",
    "Thank you for telling me.": "Gracias por contármelo.",
    "Thanks for letting me know.": "Gracias por decírmelo.",
    "I'm glad you're still talking with me.": "Me alegra que sigas hablando conmigo.",
    "I appreciate you sharing that.": "Te agradezco que lo compartas.",
    "Before we go on, I'd like to gently come back to something from earlier.":
        "Antes de seguir, me gustaría volver con cuidado a algo que dijiste antes.",
    "I haven't forgotten what you said earlier, and I'd like to check in about it.":
        "No he olvidado lo que dijiste antes, y me gustaría preguntarte cómo estás con eso.",
    "Can I come back to something from earlier? It's been on my mind.":
        "¿Puedo volver a algo que dijiste antes? Lo sigo teniendo presente.",
    "Are you having any thoughts of ending your life? A plain yes or no is fine.":
        "¿Tienes pensamientos de quitarte la vida? Un sí o un no es suficiente.",
    "Are you thinking about ending your life at the moment? Yes or no is enough.":
        "¿Estás pensando en quitarte la vida en este momento? Con un sí o un no basta.",
    "Have thoughts of ending your life been with you today? You can just say yes or no.":
        "¿Has tenido hoy pensamientos de quitarte la vida? Puedes decir simplemente sí o no.",
    "Earlier things sounded really heavy for you. How are you doing with all of that now?":
        "Antes parecía que todo te pesaba muchísimo. ¿Cómo estás ahora con todo eso?",
    "I'd like to check in about what you said earlier, when things sounded very hard. How are you holding up?":
        "Me gustaría saber cómo estás después de lo que dijiste antes, cuando todo sonaba muy difícil. ¿Cómo lo"
        " llevas?",
    "You mentioned some heavy feelings a little while ago. How are they now, compared with then?":
        "Hace un rato hablaste de sentimientos muy pesados. ¿Cómo están ahora, comparado con entonces?",
    # A clear no to the safety question.
    "Thank you for answering that; I know it is a hard question.":
        "Gracias por responder; sé que es una pregunta difícil.",
    "Thank you for telling me. It isn't an easy thing to be asked.":
        "Gracias por contestarme. No es fácil que te pregunten algo así.",
    "Thanks for answering so clearly. I know that question can feel heavy.":
        "Gracias por responder con tanta claridad. Sé que esa pregunta puede pesar.",
    "If that ever changes, you can tell me, and “Get help now” at the top of every page reaches people at any time.":
        "Si eso cambia, puedes decírmelo, y “Busca ayuda ahora”, en la parte superior de cada página, te pone en"
        " contacto con personas a cualquier hora.",
    "What would you like to talk about now?": "¿De qué te gustaría hablar ahora?",
    # The crisis flow.
    "What you've just told me worries me, and I'm really glad you told me.":
        "Lo que acabas de contarme me preocupa, y me alegra de verdad que me lo hayas dicho.",
    "Thank you for telling me this. I'm concerned about you, and I'm glad you said it.":
        "Gracias por contarme esto. Me preocupas, y me alegra que lo hayas dicho.",
    "You don't have to face this on your own.": "No tienes que enfrentarte a esto sin compañía.",
    "You don't have to carry this by yourself.": "No tienes que cargar con esto sin ayuda.",
    "You're not alone with this, even if it feels that way.": "No estás a solas con esto, aunque lo parezca.",
    "I'm an automated program, not a person, so I've asked the team on duty to reach out to you, and the help panel"
    " shows crisis lines you can contact right now, and your safety plan if you have one.":
        "Soy un programa automático, no una persona, así que he pedido al equipo de guardia que se ponga en contacto"
        " contigo, y el panel de ayuda muestra líneas de ayuda en crisis a las que puedes llamar ahora mismo, y tu plan"
        " de seguridad si tienes uno.",
    "Because I'm automated, I want a person with you as well: the team on duty has been asked to reach out, and the"
    " help panel lists crisis lines you can contact now, with your safety plan if you have one.":
        "Como soy automático, quiero que también tengas a una persona contigo: se ha pedido al equipo de guardia que"
        " se ponga en contacto contigo, y el panel de ayuda muestra líneas de ayuda en crisis a las que puedes llamar"
        " ya, con tu plan de seguridad si tienes uno.",
    "If you feel you might act on these thoughts, please call your local emergency number right away.":
        "Si sientes que podrías actuar según estos pensamientos, por favor, llama enseguida al número de emergencias de"
        " tu zona.",
    "Would you like me to connect you to the support line, to talk with a person now?":
        "¿Quieres que te conecte con la línea de apoyo, para hablar ahora con una persona?",
    "Shall I connect you to the support line so you can talk it through with someone?":
        "¿Te conecto con la línea de apoyo para que puedas hablarlo con alguien?",
    "Okay. I'd still like to check in properly, because what you said earlier worried me.":
        "De acuerdo. Aun así me gustaría comprobar bien cómo estás, porque lo que dijiste antes me preocupó.",
    "I understand. Because of what you wrote before, I'd like to be sure you're safe.":
        "Lo entiendo. Por lo que escribiste antes, quiero asegurarme de que estás a salvo.",
    "Thank you for staying with me. I still need to check, because what you wrote earlier worried me.":
        "Gracias por seguir aquí conmigo. Todavía necesito preguntarte, porque lo que escribiste antes me preocupó.",
    "So I'll ask you directly, and any honest answer is okay: are you having thoughts of ending your life or harming"
    " yourself right now?":
        "Así que te lo pregunto directamente, y cualquier respuesta sincera está bien: ¿tienes pensamientos de quitarte"
        " la vida o de hacerte daño en este momento?",
    "Let me ask plainly, and it's alright to be honest: are you having thoughts of ending your life or harming"
    " yourself right now?":
        "Déjame preguntártelo claramente, y está bien que seas sincero o sincera: ¿tienes pensamientos de quitarte la"
        " vida o de hacerte daño en este momento?",
    "A yes or a no is all I need.": "Solo necesito un sí o un no.",
    "Just yes or no is fine.": "Basta con un sí o un no.",
    "It sounds like you're feeling %(feeling)s, and that makes sense after everything.":
        "Parece que sientes %(feeling)s, y tiene sentido después de todo lo que ha pasado.",
    "You sound like you're feeling %(feeling)s, and that's understandable after everything.":
        "Se nota que sientes %(feeling)s, y es comprensible después de todo.",
    "I'm here, and I'm listening.": "Estoy aquí y te escucho.",
    "Where are you at the moment, and is anyone with you?": "¿Dónde estás ahora mismo? ¿Hay alguien contigo?",
    "Thank you for trusting me with that. I'm right here with you.":
        "Gracias por confiarme eso. Estoy aquí contigo.",
    "I'm glad you told me. I'm not going anywhere.": "Me alegra que me lo hayas dicho. No me voy a ninguna parte.",
    "What you're going through matters, and you deserve a person with you right now.":
        "Lo que estás pasando importa, y mereces tener a una persona contigo ahora mismo.",
    "Please contact one of the crisis lines in the help panel, or let me connect you to the support line now. If you"
    " are in immediate danger, call your local emergency number.":
        "Por favor, llama a una de las líneas de ayuda en crisis del panel de ayuda, o deja que te conecte ahora con la"
        " línea de apoyo. Si estás en peligro inmediato, llama al número de emergencias de tu zona.",
    "Thank you for telling me the truth. That isn't easy.": "Gracias por decirme la verdad. No es fácil.",
    "You shouldn't be alone with these thoughts. Someone from the team on duty has been asked to reach out, and the"
    " support line is there right now.":
        "No deberías estar a solas con estos pensamientos. Se ha pedido a alguien del equipo de guardia que se ponga en"
        " contacto contigo, y la línea de apoyo está disponible ahora mismo.",
    "Shall I connect you now?": "¿Te conecto ahora?",
    # The hand-off to the support line, on the same page.
    "Okay. I can connect you to the support line right now, and a trained person will write to you here, on this"
    " page.":
        "De acuerdo. Puedo conectarte ahora mismo con la línea de apoyo, y una persona formada te escribirá aquí, en"
        " esta página.",
    "Alright. I can put you in touch with the support line now: a trained person will write to you right here, on"
    " this page.":
        "Muy bien. Puedo ponerte ahora en contacto con la línea de apoyo: una persona formada te escribirá aquí mismo,"
        " en esta página.",
    "Good idea. I can connect you to the support line now: a trained person will write to you right here, on this"
    " page.":
        "Buena idea. Puedo conectarte ahora con la línea de apoyo: una persona formada te escribirá aquí mismo, en esta"
        " página.",
    "Of course. I can put you in touch with the support line now, and a trained person will write to you here, on"
    " this page.":
        "Claro. Puedo ponerte ahora en contacto con la línea de apoyo, y una persona formada te escribirá aquí, en esta"
        " página.",
    "There's one question for you first, just below.": "Antes, una pregunta para ti, justo aquí debajo.",
    "The team on duty has been asked to reach out to you as well, and I'm staying here meanwhile.":
        "También se ha pedido al equipo de guardia que se ponga en contacto contigo, y mientras tanto sigo aquí.",
    "If those thoughts return, you can tell me at any time, and “Get help now” is at the top of every page.":
        "Si esos pensamientos vuelven, puedes decírmelo cuando quieras, y “Busca ayuda ahora” está en la parte superior"
        " de cada página.",
    "How are you doing at the moment?": "¿Cómo estás en este momento?",
    # The direct safety question.
    "Thank you for trusting me with this. It sounds very hard.": "Gracias por confiarme esto. Suena muy duro.",
    "I'm glad you told me. What you're describing sounds really painful.":
        "Me alegra que me lo hayas contado. Lo que describes suena muy doloroso.",
    "That sounds like a lot to be living with, and I'm glad you said it.":
        "Suena a muchísimo con lo que cargar, y me alegra que lo hayas dicho.",
    "When people feel like this, thoughts of ending their life can come up.":
        "Cuando alguien se siente así, pueden aparecer pensamientos de quitarse la vida.",
    "Feeling like this can sometimes bring thoughts of ending one's life.":
        "Sentirse así a veces trae pensamientos de quitarse la vida.",
    "Is that happening for you?": "¿Te está pasando a ti?",
    "Have you been having thoughts like that?": "¿Has tenido pensamientos así?",
    # Exercises.
    "Let's do %(title)s together. I'll guide you one step at a time; say “stop” whenever you like.":
        "Hagamos juntos el ejercicio «%(title)s». Te guiaré paso a paso; di “parar” cuando quieras.",
    "%(label)s for %(n)s": "%(label)s durante %(n)s",
    "Got it.": "Entendido.",
    "That's fine, we can stop here. Thank you for trying it.":
        "Está bien, podemos parar aquí. Gracias por intentarlo.",
    "Of course, we'll leave it there. Thanks for giving it a go.": "Claro, lo dejamos aquí. Gracias por probarlo.",
    "Thanks for giving it a try.": "Gracias por probarlo.",
    "Thank you for sticking with it.": "Gracias por llegar hasta el final.",
    "Would you like to try %(title)s together, right here? It takes about %(n)s minutes. %(summary)s":
        "¿Quieres que probemos juntos el ejercicio «%(title)s», aquí mismo? Dura unos %(n)s minutos. %(summary)s",
    "Something that might help: %(title)s, which we can do together here in about %(n)s minutes. %(summary)s Would"
    " you like to try it?":
        "Algo que podría ayudarte: el ejercicio «%(title)s», que podemos hacer juntos aquí en unos %(n)s minutos."
        " %(summary)s ¿Quieres probarlo?",
    "Shall we try %(title)s together? It takes about %(n)s minutes. %(summary)s":
        "¿Probamos juntos el ejercicio «%(title)s»? Dura unos %(n)s minutos. %(summary)s",
    # Offers, the mood tracker, people.
    "Is there anything else about %(s)s you'd like to talk through?":
        "¿Hay algo más sobre %(s)s que quieras hablar?",
    "Is there more on your mind about %(s)s, or something else?":
        "¿Te ronda algo más sobre %(s)s, o sobre otra cosa?",
    "Would you like to say more about %(s)s, or about anything else?":
        "¿Quieres contarme algo más sobre %(s)s, o sobre cualquier otra cosa?",
    "What else is on your mind today?": "¿Qué más tienes en la cabeza hoy?",
    "Is there something else you'd like to talk through?": "¿Hay algo más que quieras hablar?",
    "Anything else you'd like to share?": "¿Algo más que quieras compartir?",
    "That's okay.": "Está bien.",
    "Talking with people who understand can help too: support groups (%(groups)s), the support line (%(line)s) and"
    " practitioners (%(care)s) are all here.":
        "Hablar con gente que te entiende también puede ayudar: aquí tienes grupos de apoyo (%(groups)s), la línea de"
        " apoyo (%(line)s) y profesionales (%(care)s).",
    "What do you think would help most at the moment?": "¿Qué crees que te ayudaría más en este momento?",
    "What would you like to do next?": "¿Qué te gustaría hacer ahora?",
    "As I'm a program, here are ways to reach a person:":
        "Como soy un programa, estas son las formas de hablar con una persona:",
    "And I'm here to keep talking in the meantime, if you'd like.":
        "Y mientras tanto sigo aquí para seguir hablando, si quieres.",
    "Thanks for talking with me today. Look after yourself.": "Gracias por hablar conmigo hoy. Cuídate.",
    "I'm glad you checked in. Take care of yourself, and come back whenever you like.":
        "Me alegra que hayas pasado a contarme cómo estás. Cuídate, y vuelve cuando quieras.",
    "Any time.": "Cuando quieras.",
    "I'm glad it helped a little.": "Me alegra que te haya ayudado un poco.",
    # Good news.
    "It's good to hear you're feeling %(f)s.": "Me alegra saber que sientes %(f)s.",
    "I'm glad things feel %(f)s today.": "Me alegra que hoy sientas %(f)s.",
    "That's really good to hear: you sound %(f)s.": "Qué bien oír eso: se nota que sientes %(f)s.",
    "I'm happy to hear you're feeling %(f)s.": "Me alegra mucho que sientas %(f)s.",
    "What made the difference, do you think?": "¿Qué crees que ha marcado la diferencia?",
    "Is there something you'd like to keep doing, given how it's gone?":
        "Viendo cómo ha ido, ¿hay algo que te gustaría seguir haciendo?",
    "Hello. How has your day been so far?": "Hola. ¿Qué tal va tu día hasta ahora?",
    "Hi there. How are things with you?": "Hola. ¿Cómo van las cosas?",
    # Quiet turns.
    "There's no rush. What's been taking up most of your thoughts lately?":
        "No hay prisa. ¿Qué es lo que más te ha ocupado la cabeza últimamente?",
    "That's alright. Would it help to start with how you've been sleeping, or how today has gone?":
        "Está bien. ¿Te ayudaría empezar por cómo has estado durmiendo, o por cómo ha ido el día?",
    "Okay. I'm here whenever you want to say more. What's been on your mind?":
        "De acuerdo. Estoy aquí cuando quieras contarme más. ¿Qué te ha estado rondando la cabeza?",
    "Earlier you sounded %(f)s. Is that still how it feels?": "Antes parecía que sentías %(f)s. ¿Sigue siendo así?",
    # Reflections (the feeling is a noun phrase in Spanish: “mucha presión”).
    "It sounds like you're feeling %(f)s about %(s)s.": "Parece que sientes %(f)s por %(s)s.",
    "With %(s)s on your mind, it sounds like you're feeling %(f)s.":
        "Con %(s)s en la cabeza, parece que sientes %(f)s.",
    "So you're feeling %(f)s, and %(s)s seems to be a big part of that.":
        "Así que sientes %(f)s, y mucho de eso tiene que ver con %(s)s.",
    "It sounds as if, with %(s)s, you've been left feeling %(f)s.":
        "Parece que, con %(s)s, te has quedado sintiendo %(f)s.",
    "From what you say, there's a lot weighing on you with %(s)s, and you're feeling %(f)s.":
        "Por lo que cuentas, lo de %(s)s te pesa mucho, y sientes %(f)s.",
    "I'm hearing that you're feeling %(f)s, with %(s)s in the middle of it.":
        "Lo que me llega es que sientes %(f)s, con %(s)s en el centro de todo.",
    "It seems a big part of why you're feeling %(f)s is %(s)s.":
        "Parece que buena parte de por qué sientes %(f)s tiene que ver con %(s)s.",
    "You're feeling %(f)s, and that's a lot to carry.": "Sientes %(f)s, y eso es mucho con lo que cargar.",
    "That sounds like it has left you feeling %(f)s.": "Parece que todo esto te ha dejado sintiendo %(f)s.",
    "It seems you've been feeling %(f)s lately.": "Parece que últimamente has estado sintiendo %(f)s.",
    "What you describe sounds like feeling %(f)s, and that's hard.":
        "Lo que describes suena a sentir %(f)s, y eso es duro.",
    "It sounds like things have left you %(f)s.": "Parece que las cosas te han dejado sintiendo %(f)s.",
    "You sound %(f)s, and it makes sense you'd want to talk about it.":
        "Por lo que dices, sientes %(f)s, y tiene sentido que quieras hablarlo.",
    "So %(s)s has been on your mind.": "Así que le has estado dando vueltas a lo de %(s)s.",
    "It sounds like there's a lot going on with %(s)s right now.":
        "Parece que ahora mismo están pasando muchas cosas con %(s)s.",
    "So much of this seems to come back to %(s)s.": "Mucho de esto parece volver a %(s)s.",
    "It sounds like a lot of what's weighing on you is about %(s)s.":
        "Parece que mucho de lo que te pesa tiene que ver con %(s)s.",
    # Validation.
    "It's understandable to feel this way.": "Es comprensible que te sientas así.",
    "That's a heavy thing to be dealing with.": "Es algo muy pesado con lo que lidiar.",
    "It's no wonder this has been on your mind.": "No es de extrañar que esto te tenga pensando tanto.",
    "You're dealing with a lot, and it shows how much you care.":
        "Estás lidiando con mucho, y se nota cuánto te importa.",
    "It's okay to feel like this; it's a very human reaction.": "Está bien sentirse así; es una reacción muy humana.",
    "Thank you for putting it into words; that isn't always easy.":
        "Gracias por ponerlo en palabras; no siempre es fácil.",
    "That would wear anyone down.": "Eso agotaría a cualquiera.",
    "It sounds like you've been carrying this for a while.": "Parece que llevas tiempo cargando con esto.",
    # Open questions.
    "How long have you been feeling like this?": "¿Desde cuándo te sientes así?",
    "What's going through your mind when it's at its worst?": "¿Qué se te pasa por la cabeza en los peores momentos?",
    "What usually helps you, even a little, when things feel like this?":
        "¿Qué suele ayudarte, aunque sea un poco, cuando las cosas están así?",
    "Is there one part of it you'd like to start with?": "¿Hay alguna parte por la que te gustaría empezar?",
    "How are you taking care of yourself in the middle of all this?": "¿Cómo te estás cuidando en medio de todo esto?",
    "What would you like to feel instead?": "¿Cómo te gustaría sentirte, en lugar de así?",
    "What's the part of your studies that worries you most?": "¿Qué parte de tus estudios te preocupa más?",
    "How much time do you have before it's all due?": "¿Cuánto tiempo te queda hasta las fechas de entrega?",
    "What's the hardest part of work at the moment?": "¿Qué es lo más difícil del trabajo en este momento?",
    "How long has work been like this?": "¿Desde cuándo está así el trabajo?",
    "How have things been at home lately?": "¿Cómo han ido las cosas en casa últimamente?",
    "What would you most like them to understand?": "¿Qué es lo que más te gustaría que entendieran?",
    "What's been the hardest part of it for you?": "¿Qué ha sido lo más difícil para ti?",
    "How are you looking after yourself through this?": "¿Cómo te estás cuidando mientras pasas por esto?",
    "What do you miss most?": "¿Qué es lo que más echas de menos?",
    "How have the days been since it happened?": "¿Cómo han sido los días desde que pasó?",
    "What tends to keep you awake?": "¿Qué suele quitarte el sueño?",
    "What are your nights like at the moment?": "¿Cómo son tus noches ahora mismo?",
    "Is there anyone who could help you look at the numbers?": "¿Hay alguien que pueda ayudarte a revisar las cuentas?",
    "How long has money been this tight?": "¿Desde cuándo va tan justo el dinero?",
    "Who's been with you through it?": "¿Quién te ha acompañado en todo esto?",
    "What happened between you?": "¿Qué ha pasado con esa persona?",
    "How have things been with your friends lately?": "¿Cómo van las cosas con tus amistades últimamente?",
    "How settled do you feel where you are now?": "¿Te sientes en casa donde vives ahora?",
    "What would make things feel a bit more secure?": "¿Qué haría que las cosas se sintieran un poco más seguras?",
    # The library (articles in English).
    "There's a short article in the library that might help: “%(title)s” (%(url)s). %(summary)s":
        "En la biblioteca hay un artículo breve, en inglés, que podría ayudarte: “%(title)s” (%(url)s). %(summary)s",
    "This short article from the library might be useful: “%(title)s” (%(url)s). %(summary)s":
        "Este artículo breve de la biblioteca, en inglés, podría serte útil: “%(title)s” (%(url)s). %(summary)s",
    "Does that sound like it could help?": "¿Crees que podría ayudarte?",
    "How does that sound to you?": "¿Qué te parece?",
    # The repetition guard.
    "I'm still here.": "Sigo aquí.",
    "I'm here with you.": "Estoy aquí contigo.",
    "I'm still listening.": "Te sigo escuchando.",
    "Still here with you.": "Sigo aquí, a tu lado.",
    # Context, quiet turns, thanks, a declined offer.
    "We can keep talking about %(s)s in whatever way helps.": "Podemos seguir hablando de %(s)s de la forma que te ayude.",
    "What you've said about %(s)s matters, whatever we do next.":
        "Lo que me has contado sobre %(s)s importa, hagamos lo que hagamos ahora.",
    "There's no pressure to fix anything about %(s)s right now.":
        "No hay ninguna prisa por resolver nada de %(s)s ahora mismo.",
    "Feeling %(f)s takes energy, so go at your own pace.": "Sentir %(f)s gasta mucha energía, así que ve a tu ritmo.",
    "It's alright to just talk about feeling %(f)s for a while.":
        "Está bien hablar un rato de lo que es sentir %(f)s, sin más.",
    "Sure, no exercise then.": "Claro, entonces nada de ejercicio.",
    "That's alright; it's your choice.": "Está bien; tú decides.",
    "Would you rather keep talking for now?": "¿Prefieres que sigamos hablando por ahora?",
    "What would make the rest of today a little easier?": "¿Qué haría el resto del día un poco más llevadero?",
    "If it would help to talk with people, there are support groups (%(groups)s), the support line (%(line)s) and"
    " practitioners (%(care)s).":
        "Si te ayudaría hablar con personas, hay grupos de apoyo (%(groups)s), la línea de apoyo (%(line)s) y"
        " profesionales (%(care)s).",
    "Thank you for talking with me.": "Gracias por hablar conmigo.",
    "I'm glad you reached out.": "Me alegra que hayas escrito.",
    "It's fine not to know.": "Está bien no saberlo.",
    "That's alright.": "Está bien.",
    "There's no rush.": "No hay prisa.",
    "No need to have the words yet.": "No hace falta tener las palabras todavía.",
    "What has your day been like so far?": "¿Cómo ha sido tu día hasta ahora?",
    "Is something in particular on your mind?": "¿Hay algo en particular que te preocupe?",
    "What's been taking up most of your thoughts lately?": "¿Qué es lo que más te ha ocupado la cabeza últimamente?",
    "If you had to pick one word for how you feel right now, what would it be?":
        "Si tuvieras que elegir una palabra para cómo te sientes ahora, ¿cuál sería?",
    "What would you like to talk about first?": "¿De qué te gustaría hablar primero?",
    "You mentioned feeling %(f)s; how is that now?": "Me dijiste que sentías %(f)s; ¿cómo está eso ahora?",
    "Is %(s)s still the main thing on your mind?": "¿Lo de %(s)s sigue siendo lo que más te preocupa?",
    "What's the hardest part about %(s)s right now?": "¿Qué es lo más difícil de %(s)s ahora mismo?",
    "What would make %(s)s feel even a little lighter?": "¿Qué haría que lo de %(s)s pesara un poco menos?",
    "How long has this been on your mind, with %(s)s?": "¿Desde cuándo te ronda esto en la cabeza, con %(s)s?",
    # Jurisdiction profiles (hearthside/compliance): reminders, wellness mode and the companion off.
    "Companion chatbots like me may not be suitable for some minors.":
        "Los acompañantes automáticos como yo pueden no ser adecuados para algunos menores.",
    "Would you like to check in on your mood, try a short exercise, or find something to read?":
        "¿Quieres registrar tu estado de ánimo, probar un ejercicio breve o buscar algo para leer?",
    "I'm the Hearthside companion: an automated program, not a person.":
        "Soy el acompañante de Hearthside: un programa automático, no una persona.",
    "I'm the Hearthside companion: an automated program, not a person and not a therapist. Here I can help you check"
    " in on your mood, guide a short exercise, and point you to reading and to people who can help.":
        "Soy el acompañante de Hearthside: un programa automático, no una persona ni un terapeuta. Aquí puedo ayudarte"
        " a registrar tu estado de ánimo, guiarte en un ejercicio breve y señalarte lecturas y personas que pueden"
        " ayudarte.",
    "A reminder: I am an automated companion, not a person.":
        "Un recordatorio: soy un acompañante automático, no una persona.",
    "You have been here a while; this may be a good moment to take a break.":
        "Llevas un rato aquí; puede ser un buen momento para tomarte un descanso.",
    "I'm the Hearthside companion: an automated program, not a person. For people under 18 the companion doesn't hold"
    " conversations on this site, and I'm sorry I can't talk things through with you here. People can:":
        "Soy el acompañante de Hearthside: un programa automático, no una persona. Para menores de 18 años el"
        " acompañante no mantiene conversaciones en este sitio, y siento no poder hablarlo contigo aquí. Las personas"
        " sí pueden:",
    "I'm the Hearthside companion: an automated program, not a person. On this site the companion doesn't hold"
    " conversations, and I'm sorry I can't talk things through with you here. People can:":
        "Soy el acompañante de Hearthside: un programa automático, no una persona. En este sitio el acompañante no"
        " mantiene conversaciones, y siento no poder hablarlo contigo aquí. Las personas sí pueden:",
    "the help directory lists lines you can call or write to (%(help)s);":
        "el directorio de ayuda reúne líneas a las que puedes llamar o escribir (%(help)s);",
    "support groups meet here (%(groups)s);": "aquí se reúnen grupos de apoyo (%(groups)s);",
    "you can book a counsellor (%(care)s);": "puedes pedir cita con un profesional (%(care)s);",
    "or write to a trained person on the support line (%(line)s).":
        "o escribir a una persona formada en la línea de apoyo (%(line)s).",
    "Check in": "Registrar mi ánimo", "Try an exercise": "Probar un ejercicio", "Something to read": "Algo para leer",
    "Talk to a person": "Hablar con una persona",
    "Thank you for checking in.": "Gracias por contarme cómo estás.",
    "I'm an automated companion, not a person or a therapist, so on this site I don't talk problems through the way"
    " a counsellor would.":
        "Soy un acompañante automático, no una persona ni un terapeuta, así que en este sitio no hablo de los"
        " problemas como lo haría un profesional.",
    "I can help you check in on your mood, guide a short exercise, or suggest something to read from the library"
    " (%(library)s).":
        "Puedo ayudarte a registrar tu estado de ánimo, guiarte en un ejercicio breve o sugerirte algo para leer de la"
        " biblioteca (%(library)s).",
    "To talk with a person: the support line (%(line)s), a practitioner (%(care)s) or a support group (%(groups)s).":
        "Para hablar con una persona: la línea de apoyo (%(line)s), un profesional (%(care)s) o un grupo de apoyo"
        " (%(groups)s).",
    "Would you like to try a short exercise or find something to read?":
        "¿Quieres probar un ejercicio breve o buscar algo para leer?",
}

# The self-help exercises (hearthside/selfcare/content/exercises.json), by slug and step id.
EXERCISES: dict[str, dict] = {
    "thought-record": {
        "title": "Registro de pensamientos",
        "summary": "Detén un momento difícil, mira el pensamiento que hay detrás de lo que sentiste y busca una forma"
                   " más justa de verlo.",
        "steps": {
            "intro": {"text": "Los sentimientos intensos suelen llegar con pensamientos rápidos que apenas notamos. En"
                              " este ejercicio vas a elegir un momento, atrapar el pensamiento que vino con él y"
                              " comprobar si cuenta toda la historia. No hay respuestas correctas ni incorrectas, y"
                              " puedes escribir tanto o tan poco como quieras."},
            "situation": {"text": "¿Qué pasó? Piensa en un momento reciente en el que cambió cómo te sentías. ¿Dónde"
                                  " estabas, quién estaba allí y qué estaba pasando? Intenta describirlo como lo vería"
                                  " una cámara: solo los hechos."},
            "thought": {"text": "¿Qué se te pasó por la cabeza en ese momento? Escribe el pensamiento que más"
                                " sentimiento llevaba. Si llegó como una imagen o un recuerdo, descríbelo."},
            "emotion": {"text": "¿Qué sentimiento fue el más fuerte en ese momento?",
                        "options": ["Tristeza o bajón", "Ansiedad, preocupación o miedo", "Enfado o irritación",
                                    "Vergüenza o bochorno", "Culpa", "Dolor o decepción",
                                    "Soledad o sensación de quedarse fuera", "Otra cosa"]},
            "emotion_rate": {"text": "¿Qué intensidad tenía ese sentimiento en ese momento? 0 significa nada, y 100,"
                                     " tan fuerte como puedas imaginar."},
            "evidence_for": {"text": "¿Qué hace que el pensamiento parezca cierto? Anota los hechos que lo apoyan:"
                                     " cosas que pasaron de verdad, no cómo se sintieron."},
            "evidence_against": {"text": "¿Qué no encaja del todo con el pensamiento? ¿Ha pasado algo que apunte en"
                                         " otra dirección? ¿Puede que estés dejando algo fuera?"},
            "questions": {"text": "Si te atascas, estas preguntas pueden ayudarte a mirarlo desde otro ángulo. Si"
                                  " una amistad tuviera este pensamiento, ¿qué le dirías? ¿Has estado antes en una"
                                  " situación parecida, y cómo acabó? ¿Se están colando palabras como \"siempre\" o"
                                  " \"nunca\"? ¿Cuánto importará esto dentro de una semana, o de un año?"},
            "balanced": {"text": "Ahora, juntando las dos partes, escribe un pensamiento que te parezca justo y"
                                 " equilibrado. No tiene que ser alegre. Solo tiene que encajar un poco mejor con el"
                                 " cuadro completo."},
            "rerate": {"text": "Piensa en el sentimiento que elegiste antes. ¿Qué intensidad tiene ahora, de 0 a"
                               " 100?"},
            "end": {"text": "Bien hecho por mirar este pensamiento con atención. Hasta una pequeña bajada en el"
                            " número cuenta. Si el sentimiento no ha cambiado, no pasa nada: algunos pensamientos"
                            " necesitan más de una mirada, y un terapeuta puede ayudar con los más tozudos."},
        },
    },
    "small-steps-plan": {
        "title": "Plan de pequeños pasos",
        "summary": "Elige una actividad pequeña que te importe, planea cuándo la harás y compara cómo esperabas que"
                   " fuera con cómo fue.",
        "steps": {
            "intro": {"text": "Cuando el ánimo está bajo, solemos hacer menos, y hacer menos puede hundir aún más el"
                              " ánimo. Este plan funciona de fuera hacia dentro. Eliges una cosa pequeña que te"
                              " importe y la haces antes de tener ganas, en lugar de esperar a que llegue la"
                              " motivación."},
            "areas": {"text": "¿Qué partes de tu vida te importan ahora mismo? Elige tantas como quieras.",
                      "options": ["Familia y amistades", "Trabajo o estudios", "Cuerpo y salud",
                                  "Casa y tareas del día a día", "Diversión, aficiones y creatividad",
                                  "Naturaleza y aire libre", "Ayudar a otras personas y comunidad",
                                  "Fe, sentido o aprendizaje"]},
            "value": {"text": "Elige una de esas áreas. ¿De qué te gustaría tener más ahí, o qué tipo de persona te"
                              " gustaría ser? Por ejemplo: \"alguien que mantiene el contacto con sus amistades\" o"
                              " \"alguien que sale a la calle\"."},
            "ideas": {"text": "Haz una lista de algunas actividades pequeñas que encajen. Incluye algunas que puedan"
                              " resultar agradables y otras que puedan darte la sensación de haber hecho algo. Lo"
                              " pequeño está bien: un paseo de cinco minutos, un mensaje a una amistad, fregar tres"
                              " platos."},
            "shrink": {"text": "Mira tu lista y elige la que te parezca más factible en el próximo día o dos. Si"
                               " todavía te parece demasiado grande, hazla más pequeña hasta que pienses: \"Eso"
                               " probablemente podría hacerlo\"."},
            "activity": {"text": "¿Qué actividad vas a hacer?"},
            "when": {"text": "¿Cuándo y dónde la harás? Sé tan concreto o concreta como puedas, por ejemplo:"
                             " \"el martes después de comer, un paseo hasta el final de la calle y vuelta\"."},
            "predict_pleasure": {"text": "Antes de empezar: ¿cuánto crees que lo vas a disfrutar? 0 significa nada,"
                                         " y 10, mucho."},
            "predict_mastery": {"text": "¿Y cuánta sensación de logro crees que te dará, de 0 a 10?"},
            "do_it": {"text": "Ahora toca hacerlo. Cuando lo hayas hecho, vuelve y responde las últimas preguntas"
                              " sobre cómo fue. No importa si no fue divertido. Lo importante es hacerlo."},
            "actual_pleasure": {"text": "Después: ¿cuánto lo disfrutaste de verdad, de 0 a 10?"},
            "actual_mastery": {"text": "¿Cuánta sensación de logro sentiste de verdad, de 0 a 10?"},
            "noticed": {"text": "¿Qué notaste? ¿Hubo algo distinto de lo que esperabas?"},
            "end": {"text": "Aquí tienes tu plan, con tus previsiones junto a cómo fue. A veces las cosas van mejor de"
                            " lo que predice un ánimo bajo, y a veces no. Las dos cosas son útiles de saber. Planea tu"
                            " siguiente pequeño paso cuando quieras."},
        },
    },
    "box-breathing": {
        "title": "Respiración cuadrada",
        "summary": "Calma tu respiración con un patrón regular de cuatro tiempos: inspira, mantén, espira, mantén.",
        "steps": {
            "intro": {"text": "La respiración cuadrada da a tu respiración una forma regular, como los cuatro lados de"
                              " un cuadrado: inspira, mantén, espira, mantén, cada uno contando hasta cuatro. Siéntate"
                              " o túmbate en un sitio cómodo. Respira con suavidad; no hace falta llenar los pulmones"
                              " del todo."},
            "care": {"text": "Si mantener el aire te resulta incómodo o te marea, acorta las pausas o sáltatelas y"
                             " simplemente respira despacio. Puedes parar en cualquier momento."},
            "pace": {"text": "Sigue el cuadrado. Cada vez que sueltes el aire, deja caer un poco los hombros.",
                     "labels": ["Inspira", "Mantén", "Espira", "Mantén"]},
            "settle": {"text": "Deja que tu respiración vuelva a su propio ritmo. Nota cómo se siente tu cuerpo"
                               " ahora."},
            "end": {"text": "Puedes usar la respiración cuadrada casi en cualquier sitio: antes de una conversación"
                            " difícil, en el autobús o en la cama. Con unas pocas rondas basta."},
        },
    },
    "grounding-5-4-3-2-1": {
        "title": "Anclaje 5-4-3-2-1",
        "summary": "Usa tus cinco sentidos para volver al aquí y ahora cuando los pensamientos van a mil.",
        "steps": {
            "intro": {"text": "Cuando tu mente va a toda velocidad, tus sentidos pueden traerte de vuelta a donde"
                              " estás ahora mismo. Ve despacio en cada paso. Puedes decir las cosas en voz alta,"
                              " pensarlas o escribirlas abajo. Escribir es opcional."},
            "see": {"text": "Mira a tu alrededor. Nombra cinco cosas que puedas ver. Fíjate en detalles pequeños: un"
                            " color, una sombra, el borde de una mesa."},
            "feel": {"text": "Nota cuatro cosas que puedas sentir. Tus pies en el suelo, tu peso en la silla, la tela"
                             " de tu ropa, el aire en la piel."},
            "hear": {"text": "Escucha tres sonidos. Cerca o lejos, fuertes o suaves. Tu propia respiración también"
                             " cuenta."},
            "smell": {"text": "Encuentra dos cosas que puedas oler. Si no destaca nada, nombra dos olores que te"
                              " gusten."},
            "taste": {"text": "Nota una cosa que puedas saborear. Sirve un sorbo de agua, o simplemente el sabor que"
                              " tienes ahora en la boca."},
            "breathe": {"text": "Antes de seguir, respira despacio unas cuantas veces y date cuenta de que estás"
                                " aquí, en este lugar, ahora mismo."},
            "end": {"text": "Esto es lo que notaste. Siempre que sientas que algo te arrastra, puedes volver a tus"
                            " sentidos de la misma forma, paso a paso."},
        },
    },
    "self-compassion-break": {
        "title": "Pausa de autocompasión",
        "summary": "Una práctica breve en tres partes para los momentos en que lo estás pasando mal o te estás"
                   " tratando con dureza.",
        "steps": {
            "intro": {"text": "Esta práctica viene de la psicóloga Kristin Neff. Tiene tres partes y dura unos"
                              " minutos. Es para los momentos en que lo estás pasando mal, o en que tu voz interior"
                              " te habla con dureza."},
            "situation": {"text": "Piensa en algo que te esté molestando ahora. No tiene que ser lo más grande de tu"
                                  " vida; algo de tamaño mediano es un buen punto de partida. ¿Qué es?"},
            "body": {"text": "Mira si puedes notar dónde aparece esto en tu cuerpo. Quizá tensión, pesadez o calor."
                             " Solo obsérvalo durante unas cuantas respiraciones."},
            "name_it": {"text": "Primera parte: nombra lo que está pasando. Dite en voz baja algo como \"Esto es muy"
                                " difícil ahora mismo\" o \"Esto duele\". No lo estás haciendo más grande ni lo estás"
                                " apartando; solo reconoces que está aquí."},
            "not_alone": {"text": "Segunda parte: recuerda que no eres la única persona. Dite algo como \"Otras"
                                  " personas también se sienten así\" o \"Sufrir forma parte de ser humano\". Ahora"
                                  " mismo, en algún lugar, hay gente sintiendo algo muy parecido."},
            "kindness": {"text": "Tercera parte: ofrécete algo de amabilidad. Si te parece bien, apoya una mano en el"
                                 " pecho o en otro lugar que te reconforte. Luego dite algo amable, como se lo dirías"
                                 " a una buena amistad, por ejemplo \"Que pueda ser amable conmigo\" o \"Estoy"
                                 " haciéndolo lo mejor que puedo\"."},
            "words": {"text": "¿Qué palabras amables necesitas más oír ahora mismo? Escríbelas a tu manera."},
            "rest": {"text": "Quédate con esas palabras durante unas cuantas respiraciones. Deja que calen, aunque"
                             " sea un poco."},
            "end": {"text": "Puedes volver a estas palabras siempre que las necesites. Si al principio tratarte con"
                            " amabilidad te resulta raro, no pasa nada. Como cualquier habilidad, suele volverse más"
                            " fácil con la práctica."},
        },
    },
    "body-scan": {
        "title": "Escaneo corporal breve",
        "summary": "Recorre despacio tu cuerpo con la atención, notando lo que hay sin intentar cambiarlo.",
        "steps": {
            "intro": {"text": "En un escaneo corporal, llevas la atención despacio por tu cuerpo y notas lo que haya."
                              " No intentas relajarte ni conseguir nada, solo notar. Siéntate o túmbate donde nadie te"
                              " moleste, y cierra los ojos si te sientes cómodo o cómoda así."},
            "care": {"text": "Si en algún momento centrarte en una parte del cuerpo te resulta desagradable, puedes"
                             " abrir los ojos, saltarte esa parte o llevar la atención a tu respiración o a los"
                             " sonidos de tu alrededor. Tú decides."},
            "settle": {"text": "Nota dónde se apoya tu cuerpo en la silla, la cama o el suelo. Siente cómo sostienen"
                               " su peso. Deja que la respiración vaya y venga sola."},
            "feet": {"text": "Lleva la atención a los pies: dedos, plantas, talones. Puede que notes calor, frescor,"
                             " hormigueo, presión o casi nada. Lo que encuentres está bien."},
            "legs": {"text": "Deja que la atención suba despacio por los tobillos, las pantorrillas, las rodillas y"
                             " los muslos. Si tu mente se va, es lo que hacen las mentes. Tráela de vuelta con"
                             " suavidad."},
            "belly": {"text": "Ahora nota las caderas, la barriga y la parte baja de la espalda. Siente cómo la"
                              " barriga sube un poco al inspirar y baja al espirar."},
            "chest": {"text": "Sube al pecho, la parte alta de la espalda y los hombros. Si encuentras tensión,"
                              " puedes dejar que la respiración vaya hacia ella. No hace falta que desaparezca."},
            "arms": {"text": "Deja que la atención baje por los brazos, pase por los codos y las muñecas y llegue a"
                             " las manos y la punta de los dedos."},
            "head": {"text": "Ahora el cuello, la mandíbula, la cara y la parte alta de la cabeza. Nota la"
                             " mandíbula, los músculos alrededor de los ojos, la frente."},
            "whole": {"text": "Por último, siente todo tu cuerpo a la vez, aquí, en la postura en la que estés, respirando."
                              " Descansa en eso un momento."},
            "end": {"text": "Cuando quieras, abre los ojos y estírate con suavidad. Notar sin juzgar es una"
                            " habilidad, y crece con la práctica, aunque sean unos pocos minutos cada vez."},
        },
    },
    "loving-kindness": {
        "title": "Bondad amorosa",
        "summary": "Ofrece en silencio buenos deseos sencillos a alguien que te importa, a ti y luego a los demás.",
        "steps": {
            "intro": {"text": "La bondad amorosa es una práctica de meditación muy antigua. Ofreces en silencio"
                              " buenos deseos sencillos: primero a alguien a quien es fácil querer, luego a ti y luego"
                              " hacia fuera. No necesitas sentir calidez ni cariño para que cuente. Desear ya es la"
                              " práctica."},
            "phrases": {"text": "Usarás unos deseos breves, como \"Que estés a salvo. Que estés bien. Que estés en"
                                " paz\". Puedes cambiar las palabras por otras que sientas más tuyas."},
            "easy_person": {"text": "Trae a la mente a alguien que te haga sonreír con facilidad. Puede ser una"
                                    " amistad, un familiar, un profesor o una mascota. Imagínalo y ofrécele en"
                                    " silencio los deseos: que estés a salvo, que estés bien, que estés en paz."},
            "yourself": {"text": "Ahora ofrécete a ti los mismos deseos: que yo esté a salvo, que yo esté bien, que"
                                 " yo esté en paz. Si te cuesta, imagina que la persona en la que acabas de pensar te"
                                 " desea estas cosas."},
            "neutral_person": {"text": "Piensa en alguien a quien apenas conoces, como un vecino o alguien que"
                                       " trabaja en una tienda a la que vas. También tiene sus propias esperanzas y"
                                       " preocupaciones. Ofrécele los mismos deseos."},
            "everyone": {"text": "Deja que los deseos se extiendan más: a la gente cercana, a la gente lejana, a"
                                 " todo el mundo en todas partes. Que todos estemos a salvo. Que todos estemos bien."
                                 " Que todos estemos en paz."},
            "own_words": {"text": "¿Qué deseo ha significado más para ti hoy? Escríbelo con tus propias palabras,"
                                  " si quieres."},
            "end": {"text": "Gracias por dedicarte este tiempo. Puedes volver a estos deseos cuando quieras, incluso"
                            " durante una sola respiración en un día ajetreado."},
        },
    },
    "three-good-things": {
        "title": "Tres cosas buenas",
        "summary": "Al final del día, escribe tres cosas que salieron bien y por qué pasaron.",
        "steps": {
            "intro": {"text": "Nuestra mente es rápida para ver lo que salió mal. Este ejercicio dirige con suavidad"
                              " tu atención hacia lo que salió bien. En un estudio de Martin Seligman y sus colegas,"
                              " las personas que escribieron cada noche durante una semana tres cosas buenas, y por"
                              " qué pasaron, dijeron sentirse más felices y menos deprimidas, y los beneficios"
                              " seguían ahí seis meses después."},
            "first": {"text": "Repasa el día de hoy. ¿Cuál es una cosa que salió bien, o que te alegra? Puede ser"
                              " grande o pequeña: una bebida caliente, una palabra amable, una tarea terminada."},
            "first_why": {"text": "¿Por qué crees que pasó? ¿Qué papel tuviste tú, o alguien más?"},
            "second": {"text": "¿Cuál es una segunda cosa buena de hoy?"},
            "second_why": {"text": "¿Por qué pasó esta?"},
            "third": {"text": "¿Y una tercera cosa buena? Si te cuesta, piensa en pequeño. Lo pequeño cuenta."},
            "third_why": {"text": "¿Qué ayudó a que pasara esta?"},
            "end": {"text": "Aquí están las tres cosas buenas de hoy. Prueba a volver cada noche durante una semana."
                            " En los días difíciles, las cosas buenas pueden ser diminutas, y aun así cuentan."},
        },
    },
}

# The library articles: Spanish title and summary (the articles themselves are in English).
ARTICLES: dict[str, tuple[str, str]] = {
    "better-sleep": ("Dormir mejor cuando la mente no se apaga",
                     "Formas suaves y probadas de ayudar a una mente ocupada a calmarse por la noche, y qué hacer si"
                     " el mal sueño continúa."),
    "coping-with-anxiety": ("Cuando la preocupación no te deja en paz",
                            "Qué hace la ansiedad en tu cuerpo y en tu mente, algunas cosas que puedes probar hoy y"
                            " dónde encontrar más ayuda."),
    "getting-professional-help": ("Cuándo y cómo buscar ayuda profesional",
                                  "Señales de que puede ser momento de hablar con un profesional, cómo empezar y"
                                  " cómo aprovechar al máximo tu primera cita."),
    "grief-and-loss": ("Vivir con el duelo",
                       "Cómo puede sentirse el duelo, por qué va y viene en oleadas, y pequeñas formas de cuidarte"
                       " mientras lo llevas."),
    "in-a-crisis": ("Si estás en crisis ahora mismo",
                    "Qué hacer primero si no te sientes a salvo o estás pensando en quitarte la vida, y cómo pasar"
                    " los próximos minutos."),
    "loneliness": ("Sentirse solo o sola",
                   "La soledad es una señal dolorosa, no un defecto. Aquí tienes algunas formas suaves de aliviarla,"
                   " empezando por poco."),
    "low-mood": ("Cuando todo se siente apagado y pesado",
                 "Por qué el ánimo bajo puede hacer que hagamos menos, cómo ayudan los pasos diminutos y cuándo es"
                 " momento de hablar con alguien."),
    "managing-stress": ("Cuando tienes demasiadas cosas encima",
                        "Qué hace el estrés en tu cuerpo, cómo detectar qué lo provoca y pequeñas habilidades para"
                        " superar una etapa difícil."),
    "self-compassion": ("Tratarte con más amabilidad",
                        "Qué es la autocompasión (y qué no es), por qué importa y cómo empezar cuando tu voz interior"
                        " es dura."),
    "supporting-a-friend": ("Apoyar a una amistad que lo está pasando mal",
                            "Cómo escuchar bien, qué hacer si te preocupa el suicidio y cómo cuidarte mientras"
                            " ayudas."),
}

# Words of the hand-off summary (``handoff.py``) that the project catalogue does not have yet.
SUMMARY: dict[str, str] = {
    "questions about ways to die": "preguntas sobre formas de morir",
    "despair or emotional pain": "desesperación o dolor emocional",
}
