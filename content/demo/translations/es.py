"""Spanish translations of the demo content, keyed by the exact English source strings in content/demo/data.py."""

TRANSLATIONS = {
    # Terms of use
    'Terms of use': 'Condiciones de uso',
    'Dialogue is a public space for citizens to discuss public questions. By creating an account, you agree to take part in good faith and to respect the other participants, even when you disagree with them.': 'Dialogue es un espacio público donde la ciudadanía debate cuestiones de interés general. Al crear una cuenta, se compromete a participar de buena fe y a respetar a las demás personas participantes, incluso cuando no esté de acuerdo con ellas.',
    'Everything you write here (proposals, comments, supports) is public and published as open data under your nickname. Do not post personal information about yourself or other people, and only post what you have the right to share.': 'Todo lo que escribe aquí (propuestas, comentarios, apoyos) es público y se publica como datos abiertos con su apodo. No publique información personal sobre usted ni sobre otras personas, y publique solo lo que tiene derecho a compartir.',
    'Insults, threats, harassment, discrimination, advertising and content that breaks the law are not allowed. Moderators may hide such content; the moderation page shows how much was hidden and why. You can report anything you think breaks these rules.': 'No se permiten insultos, amenazas, acoso, discriminación, publicidad ni contenidos que infrinjan la ley. Las personas moderadoras pueden ocultar esos contenidos; la página de moderación muestra cuánto se ha ocultado y por qué. Puede denunciar todo lo que crea que incumple estas normas.',
    'You may delete your account at any time from your account settings. Your contributions then stay public without your nickname. The organisers may change these terms; they will announce any change on this page before it applies.': 'Puede eliminar su cuenta en cualquier momento desde la configuración de su cuenta. Sus contribuciones seguirán siendo públicas, sin su apodo. Los organizadores pueden modificar estas condiciones; anunciarán cualquier cambio en esta página antes de que se aplique.',
    "Abstract illustration: overlapping circles and lines": "Ilustración abstracta: círculos y líneas que se cruzan",
    # Organisations
    "Missions Publiques is a French organisation that designs and runs citizen participation processes. It initiated the Global Citizens' Dialogue on the future of the internet and coordinated it with national partners in each participating country.":
        "Missions Publiques es una organización francesa que diseña y lleva a cabo procesos de participación ciudadana. Impulsó el Diálogo Ciudadano Mundial sobre el futuro de internet y lo coordinó con socios nacionales en cada país participante.",
    'Baraza Digital Forum is a Kenyan civil society organisation that helps citizens take part in public debates about technology. As national partner, it recruited participants and hosted dialogue sessions in Nairobi and in rural counties.':
        "Baraza Digital Forum es una organización keniana de la sociedad civil que ayuda a la ciudadanía a participar en los debates públicos sobre tecnología. Como socio nacional, reclutó a los participantes y organizó sesiones de diálogo en Nairobi y en condados rurales.",

    # Home
    'Welcome to Dialogue':
        "Le damos la bienvenida a Dialogue",
    "Dialogue is a civic participation platform where citizens meet in small groups to discuss public questions and share their views with decision-makers. Start with our global citizens' dialogue on the future of the internet.":
        "Dialogue es una plataforma de participación ciudadana en la que los ciudadanos se reúnen en pequeños grupos para debatir cuestiones públicas y compartir sus opiniones con quienes toman las decisiones. Comience por nuestro diálogo ciudadano mundial sobre el futuro de internet.",

    # About
    'About this dialogue':
        "Acerca de este diálogo",
    "We, the Internet is a global citizens' dialogue on the future of the internet. In 2020, ordinary citizens in around 70 countries met on the same day, in small groups of seven or eight people, to discuss the same questions about how the internet should evolve.":
        "We, the Internet es un diálogo ciudadano mundial sobre el futuro de internet. En 2020, ciudadanos de a pie de unos 70 países se reunieron el mismo día, en pequeños grupos de siete u ocho personas, para debatir las mismas preguntas sobre cómo debería evolucionar internet.",
    'Participants were not experts. In each country they were selected to reflect the diversity of the population in age, gender, occupation and place of residence, and they included people who rarely or never use the internet. Before the sessions, everyone received the same short, balanced briefings so that they could form their own opinion.':
        "Los participantes no eran expertos. En cada país se seleccionaron de modo que reflejaran la diversidad de la población en cuanto a edad, género, ocupación y lugar de residencia, e incluían a personas que usan internet poco o nunca. Antes de las sesiones, todos recibieron las mismas fichas informativas, breves y equilibradas, para que pudieran formarse su propia opinión.",
    'After each discussion, every participant filled in an individual questionnaire. Because all groups answered the same questions, the results can be compared country by country and shared with the people who make decisions about the internet: governments, companies, international organisations and civil society.':
        "Después de cada debate, cada participante completó un cuestionario individual. Como todos los grupos respondieron a las mismas preguntas, los resultados pueden compararse país por país y compartirse con quienes toman las decisiones sobre internet: gobiernos, empresas, organizaciones internacionales y sociedad civil.",
    'The dialogue follows a 100% open principle. The method, the briefing materials and the aggregated results are published openly and free of charge, so that anyone can check how the dialogue was run, reuse the materials and organise a session of their own. No personal information about participants is ever published.':
        "El diálogo sigue un principio de apertura al 100 %. El método, los materiales informativos y los resultados agregados se publican de forma abierta y gratuita, para que cualquier persona pueda comprobar cómo se llevó a cabo el diálogo, reutilizar los materiales y organizar su propia sesión. Nunca se publica ningún dato personal de los participantes.",

    # Privacy
    'Privacy':
        "Privacidad",
    'We keep as little personal data as possible. To register for a session, we ask for your name, an email address and the country where you wish to take part, so that we can place you in a group and send you practical information.':
        "Conservamos la menor cantidad posible de datos personales. Para inscribirse en una sesión, le pedimos su nombre, una dirección de correo electrónico y el país en el que desea participar, para poder asignarle a un grupo y enviarle información práctica.",
    'The questionnaire you fill in after each session is anonymous. Your answers are stored without your name or email address and cannot be linked back to you. Results are only ever published as totals for a country or for the whole world.':
        "El cuestionario que usted completa después de cada sesión es anónimo. Sus respuestas se guardan sin su nombre ni su dirección de correo electrónico y no pueden vincularse con usted. Los resultados solo se publican como totales de un país o del mundo entero.",
    'Your registration data is used only to organise the dialogue. It is never sold or shared for advertising, and it is deleted once the results have been published. This site only uses the cookies it needs to work, such as keeping you signed in.':
        "Sus datos de inscripción se utilizan únicamente para organizar el diálogo. Nunca se venden ni se comparten con fines publicitarios, y se eliminan una vez publicados los resultados. Este sitio solo utiliza las cookies necesarias para su funcionamiento, como las que mantienen su sesión iniciada.",
    'You can ask to see, correct or delete your personal data at any time by contacting the organisers. In the European Union, the General Data Protection Regulation gives you these rights; we apply the same rules to every participant, wherever they live.':
        "Puede solicitar en cualquier momento consultar, corregir o eliminar sus datos personales poniéndose en contacto con los organizadores. En la Unión Europea, el Reglamento General de Protección de Datos le reconoce estos derechos; aplicamos las mismas normas a todos los participantes, vivan donde vivan.",

    # Dialogue
    "We, the Internet: a global citizens' dialogue on the future of the internet":
        "We, the Internet: un diálogo ciudadano mundial sobre el futuro de internet",
    'Citizens from around 70 countries discuss the same six questions about the future of the internet, on the same day, in small groups of seven or eight. Each participant then answers an anonymous questionnaire, and the results are compared country by country and shared with decision-makers.':
        "Ciudadanos de unos 70 países debaten las mismas seis preguntas sobre el futuro de internet, el mismo día, en pequeños grupos de siete u ocho personas. Después, cada participante responde a un cuestionario anónimo, y los resultados se comparan país por país y se comparten con quienes toman las decisiones.",
    'Who should protect our personal data and our digital identity online?':
        "¿Quién debería proteger nuestros datos personales y nuestra identidad digital en internet?",
    'How has COVID-19 changed the way we use the internet, and what should we keep?':
        "¿Cómo ha cambiado la COVID-19 nuestra manera de usar internet y qué deberíamos conservar?",
    'How should we deal with disinformation on the internet?':
        "¿Cómo deberíamos hacer frente a la desinformación en internet?",
    'Who should decide what can and cannot be said online?':
        "¿Quién debería decidir qué se puede decir y qué no en internet?",
    'What are our hopes and fears for artificial intelligence and the future internet?':
        "¿Qué esperanzas y temores tenemos respecto a la inteligencia artificial y el futuro de internet?",
    'Who should decide how the internet is run?':
        "¿Quién debería decidir cómo se gestiona internet?",
    'Read the six topic briefings, watch the short videos and download the materials to prepare for the discussion.':
        "Lea las seis fichas informativas, vea los videos breves y descargue los materiales para prepararse para el debate.",
    'Sign up to take part in a session in your country and receive practical information about the day.':
        "Inscríbase para participar en una sesión en su país y reciba información práctica sobre la jornada.",
    'Meet in a small group of seven or eight citizens to discuss the six questions, then answer an anonymous individual questionnaire.':
        "Reúnase en un pequeño grupo de siete u ocho ciudadanos para debatir las seis preguntas y, después, responda a un cuestionario individual anónimo.",
    'Explore the combined answers from all countries, compare them country by country and see how they are shared with decision-makers.':
        "Explore las respuestas combinadas de todos los países, compárelas país por país y vea cómo se comparten con quienes toman las decisiones.",

    # Topic: data safety
    'Data safety and digital identity':
        "Seguridad de los datos e identidad digital",
    'Every time we go online, we leave traces that say who we are and what we do. This briefing looks at who collects that information, how it is protected and who should be responsible for keeping it safe.':
        "Cada vez que nos conectamos a internet, dejamos huellas que dicen quiénes somos y qué hacemos. Esta ficha informativa analiza quién recopila esa información, cómo se protege y quién debería encargarse de mantenerla segura.",
    'What is personal data?':
        "¿Qué son los datos personales?",
    'Personal data is any information that can identify you, directly or indirectly: your name, your address and your phone number, but also your location, your photos, your searches and the things you buy or like online.':
        "Los datos personales son cualquier información que permita identificarle, directa o indirectamente: su nombre, su dirección y su número de teléfono, pero también su ubicación, sus fotos, sus búsquedas y las cosas que compra o que le gustan en internet.",
    'Together, these traces make up your digital identity. Companies use them to offer free services, to show targeted advertising and to improve their products. Governments use them to provide public services, collect taxes and, in some cases, to monitor people.':
        "En conjunto, estas huellas forman su identidad digital. Las empresas las utilizan para ofrecer servicios gratuitos, mostrar publicidad dirigida y mejorar sus productos. Los gobiernos las utilizan para prestar servicios públicos, recaudar impuestos y, en algunos casos, vigilar a las personas.",
    'Who protects it today?':
        "¿Quién los protege hoy?",
    'Responsibility is shared. Many countries have data protection laws that set rules for companies and public bodies, and independent authorities that can investigate and fine them. In the European Union, the General Data Protection Regulation has applied since 2018, and many other countries have adopted similar laws.':
        "La responsabilidad es compartida. Muchos países tienen leyes de protección de datos que establecen normas para las empresas y los organismos públicos, así como autoridades independientes que pueden investigarlos y multarlos. En la Unión Europea, el Reglamento General de Protección de Datos se aplica desde 2018, y muchos otros países han adoptado leyes similares.",
    'But laws differ from one country to another, while data often crosses borders in a fraction of a second. Some people think each of us should take more care of our own data; others argue that companies, governments or international rules should carry most of the responsibility.':
        "Pero las leyes varían de un país a otro, mientras que los datos suelen cruzar fronteras en una fracción de segundo. Algunas personas piensan que cada uno de nosotros debería cuidar más sus propios datos; otras sostienen que las empresas, los gobiernos o las normas internacionales deberían asumir la mayor parte de la responsabilidad.",
    'Key facts':
        "Datos clave",
    '2018':
        "2018",
    "The year the European Union's General Data Protection Regulation took effect":
        "El año en que empezó a aplicarse el Reglamento General de Protección de Datos de la Unión Europea",
    'About 7 in 10':
        "Alrededor de 7 de cada 10",
    'countries in the world have some form of data protection law':
        "países del mundo tienen algún tipo de ley de protección de datos",
    'Billions of accounts':
        "Miles de millones de cuentas",
    'have been exposed in data breaches over the past two decades':
        "han quedado expuestas en filtraciones de datos en las dos últimas décadas",
    'I never read the terms and conditions, nobody does. I would like to know that someone checks them for me, the way someone checks that the food I buy is safe.':
        "Nunca leo los términos y condiciones; nadie lo hace. Me gustaría saber que alguien los revisa por mí, igual que alguien comprueba que los alimentos que compro son seguros.",
    'Participant, Germany, 2020 dialogue (illustrative)':
        "Participante, Alemania, diálogo de 2020 (cita ilustrativa)",
    'What is a data breach?':
        "¿Qué es una filtración de datos?",
    'A data breach happens when personal information is accessed, stolen or published without permission, for example after a cyberattack or because a database was left unprotected. The people affected may face fraud, identity theft or unwanted contact.':
        "Se produce una filtración de datos cuando alguien accede a información personal, la roba o la publica sin autorización, por ejemplo tras un ciberataque o porque una base de datos quedó sin protección. Las personas afectadas pueden sufrir fraudes, suplantación de identidad o contactos no deseados.",
    'Can I find out what data a company holds about me?':
        "¿Puedo saber qué datos tiene una empresa sobre mí?",
    'In many countries, yes. Data protection laws often give you the right to ask an organisation what information it holds about you, to correct it and, in some cases, to have it deleted. The rules depend on where you live and where the company is based.':
        "En muchos países, sí. Las leyes de protección de datos suelen reconocerle el derecho a preguntar a una organización qué información tiene sobre usted, a corregirla y, en algunos casos, a que se elimine. Las normas dependen de dónde viva usted y de dónde tenga su sede la empresa.",
    'Briefing: Data safety and digital identity':
        "Ficha informativa: seguridad de los datos e identidad digital",
    'Who holds your data? A short introduction':
        "¿Quién tiene sus datos? Una breve introducción",
    'Every message you send, every search you make and every place you visit with your phone leaves a trace.':
        "Cada mensaje que envía, cada búsqueda que hace y cada lugar que visita con su teléfono deja una huella.",
    'These traces are personal data, and together they form your digital identity.':
        "Esas huellas son datos personales y, en conjunto, forman su identidad digital.",
    'Companies and governments collect this data to provide services, but it can also be lost, stolen or misused.':
        "Las empresas y los gobiernos recopilan estos datos para prestar servicios, pero también pueden perderse, ser robados o utilizarse indebidamente.",
    'Laws in many countries set rules, but they differ from place to place.':
        "En muchos países hay leyes que establecen normas, pero varían de un lugar a otro.",
    'So who should be responsible for keeping your data safe? That is the question we will discuss together.':
        "Entonces, ¿quién debería encargarse de mantener sus datos seguros? Esa es la pregunta que debatiremos juntos.",
    'Read the other topics':
        "Lea los demás temas",
    'Data safety is linked to every other question in this dialogue. Continue with the next briefing to see how our online habits changed during the pandemic.':
        "La seguridad de los datos está relacionada con todas las demás preguntas de este diálogo. Continúe con la siguiente ficha informativa para ver cómo cambiaron nuestros hábitos en internet durante la pandemia.",

    # Topic: online habits
    'Our online habits after COVID-19':
        "Nuestros hábitos en internet después de la COVID-19",
    'During the pandemic, work, school, shopping, health care and family life moved online almost overnight for many people, while others were left out. This briefing looks at what changed and what we might want to keep.':
        "Durante la pandemia, el trabajo, la escuela, las compras, la atención médica y la vida familiar pasaron a internet casi de la noche a la mañana para muchas personas, mientras que otras quedaron excluidas. Esta ficha informativa analiza qué cambió y qué podríamos querer conservar.",
    'What changed in 2020':
        "Qué cambió en 2020",
    'When the COVID-19 pandemic began, governments around the world asked people to stay at home. For those with a good connection, the internet became the main way to work, study, see a doctor, buy food and keep in touch with friends and family.':
        "Cuando comenzó la pandemia de COVID-19, los gobiernos de todo el mundo pidieron a la población que se quedara en casa. Para quienes tenían una buena conexión, internet se convirtió en el principal medio para trabajar, estudiar, consultar a un médico, comprar comida y mantenerse en contacto con amigos y familiares.",
    'Video calls became part of daily life, online shopping grew quickly and many public services moved online. Some people discovered new possibilities, such as working from home or following a class from a distance, and want to keep them.':
        "Las videollamadas pasaron a formar parte de la vida cotidiana, las compras en línea crecieron rápidamente y muchos servicios públicos pasaron a prestarse en línea. Algunas personas descubrieron nuevas posibilidades, como trabajar desde casa o seguir una clase a distancia, y quieren conservarlas.",
    'Who was left behind':
        "Quién se quedó atrás",
    'Not everyone could follow. Billions of people had no internet access at home, or only a slow or expensive connection. Many pupils could not follow their lessons, and older people or people without digital skills sometimes found it harder to reach essential services.':
        "No todo el mundo pudo seguir el ritmo. Miles de millones de personas no tenían acceso a internet en casa, o solo disponían de una conexión lenta o cara. Muchos alumnos no pudieron seguir sus clases, y a las personas mayores o sin competencias digitales a veces les resultó más difícil acceder a servicios esenciales.",
    'Spending more time online also raised new questions: tiredness from screens, the blurred line between work and private life, and the amount of personal data collected by the tools we suddenly depended on.':
        "Pasar más tiempo en internet también planteó nuevas preguntas: el cansancio provocado por las pantallas, la línea cada vez más difusa entre el trabajo y la vida privada, y la cantidad de datos personales recopilados por las herramientas de las que, de repente, pasamos a depender.",
    'About half of humanity':
        "Alrededor de la mitad de la humanidad",
    'was asked to stay at home at some point in the spring of 2020':
        "recibió la indicación de quedarse en casa en algún momento de la primavera de 2020",
    'More than 1 billion':
        "Más de 1000 millones",
    'pupils and students were affected by school closures at the height of the pandemic':
        "de alumnos y estudiantes se vieron afectados por el cierre de las escuelas en el momento álgido de la pandemia",
    'More than a third':
        "Más de un tercio",
    "of the world's population had still never used the internet in 2021":
        "de la población mundial aún no había utilizado nunca internet en 2021",
    'My grandmother learned to use video calls during the lockdown so she could see her grandchildren. But in my village, many children simply stopped learning for months because there was no connection.':
        "Mi abuela aprendió a hacer videollamadas durante el confinamiento para poder ver a sus nietos. Pero en mi pueblo, muchos niños simplemente dejaron de aprender durante meses porque no había conexión.",
    'Participant, Kenya, 2020 dialogue (illustrative)':
        "Participante, Kenia, diálogo de 2020 (cita ilustrativa)",
    'What is the digital divide?':
        "¿Qué es la brecha digital?",
    'The digital divide is the gap between people who have affordable, reliable internet access and the skills to use it, and those who do not. It exists between countries, but also within countries: between cities and rural areas, richer and poorer households, and younger and older people.':
        "La brecha digital es la distancia entre las personas que tienen un acceso a internet asequible y fiable, así como las competencias para usarlo, y las que no. Existe entre países, pero también dentro de cada país: entre ciudades y zonas rurales, entre hogares más ricos y más pobres, y entre personas más jóvenes y de más edad.",
    'Will the changes of 2020 last?':
        "¿Durarán los cambios de 2020?",
    'Nobody knows for sure. Some habits, such as video meetings and online shopping, have stayed for many people, while others went back to how things were before. This dialogue asks citizens which changes they would like to keep and which they would rather leave behind.':
        "Nadie lo sabe con certeza. Algunos hábitos, como las reuniones por video y las compras en línea, se han mantenido para muchas personas, mientras que otros han vuelto a ser como antes. Este diálogo pregunta a los ciudadanos qué cambios les gustaría conservar y cuáles preferirían dejar atrás.",
    'Briefing: Our online habits after COVID-19':
        "Ficha informativa: nuestros hábitos en internet después de la COVID-19",
    'Life online during the lockdown':
        "La vida en internet durante el confinamiento",
    'In the spring of 2020, for many of us, the front door closed and the screen opened.':
        "En la primavera de 2020, para muchos de nosotros, la puerta de casa se cerró y se abrió la pantalla.",
    'Offices became kitchen tables, classrooms became video calls, and grandparents learned to use their phones in new ways.':
        "Las oficinas se convirtieron en mesas de cocina, las aulas en videollamadas, y los abuelos aprendieron a usar sus teléfonos de formas nuevas.",
    'But for people without a connection, the pandemic meant being cut off from school, work and public services.':
        "Pero para las personas sin conexión, la pandemia supuso quedar aisladas de la escuela, el trabajo y los servicios públicos.",
    'As life finds a new normal, which of these changes do we want to keep?':
        "Ahora que la vida encuentra una nueva normalidad, ¿cuáles de estos cambios queremos conservar?",
    'Our habits online depend on trusting what we read there. Continue with the briefing on disinformation.':
        "Nuestros hábitos en internet dependen de que podamos confiar en lo que leemos en él. Continúe con la ficha informativa sobre la desinformación.",

    # Topic: disinformation
    'Disinformation':
        "Desinformación",
    'False or misleading information can spread online faster than ever. This briefing explains what disinformation is, why it spreads and the different ways people propose to deal with it.':
        "La información falsa o engañosa puede difundirse en internet más rápido que nunca. Esta ficha informativa explica qué es la desinformación, por qué se propaga y las distintas formas que se proponen para hacerle frente.",
    'What is disinformation?':
        "¿Qué es la desinformación?",
    'Disinformation is false or misleading information that is spread on purpose, for example to make money, to influence an election or to damage trust in institutions. Misinformation is false information shared by people who believe it is true.':
        "La desinformación es información falsa o engañosa que se difunde de forma deliberada, por ejemplo para ganar dinero, influir en unas elecciones o minar la confianza en las instituciones. La información errónea es información falsa que comparten personas que creen que es verdadera.",
    'False rumours are nothing new, but the internet allows anyone to publish and share content instantly with a very large audience. Platforms often show us content that gets strong reactions, and shocking or emotional stories tend to travel further than careful ones.':
        "Los rumores falsos no son nada nuevo, pero internet permite que cualquiera publique y comparta contenidos al instante con un público muy amplio. Las plataformas suelen mostrarnos contenidos que provocan reacciones fuertes, y las historias impactantes o emotivas tienden a llegar más lejos que las rigurosas.",
    'Different ways to respond':
        "Distintas formas de responder",
    'Some people want platforms to remove false content, or to label it and make it less visible. Others want governments to pass laws against disinformation. Critics warn that both approaches could be used to silence legitimate opinions, and ask who gets to decide what is true.':
        "Algunas personas quieren que las plataformas eliminen los contenidos falsos, o que los etiqueten y les den menos visibilidad. Otras quieren que los gobiernos aprueben leyes contra la desinformación. Los críticos advierten que ambos enfoques podrían utilizarse para silenciar opiniones legítimas, y se preguntan quién decide qué es verdad.",
    'Other responses focus on people rather than content: independent fact-checking, support for quality journalism, and education that helps people of all ages check sources before they share. Most experts agree that no single solution is enough on its own.':
        "Otras respuestas se centran en las personas más que en los contenidos: la verificación independiente de datos, el apoyo al periodismo de calidad y una educación que ayude a personas de todas las edades a comprobar las fuentes antes de compartir. La mayoría de los expertos coinciden en que ninguna solución basta por sí sola.",
    'Infodemic':
        "Infodemia",
    'The word the World Health Organization used in 2020 for the flood of accurate and false information about COVID-19':
        "La palabra que utilizó la Organización Mundial de la Salud en 2020 para referirse a la avalancha de información, veraz y falsa, sobre la COVID-19",
    'Billions of people':
        "Miles de millones de personas",
    'use social media, where news and rumours spread side by side':
        "usan las redes sociales, donde las noticias y los rumores circulan a la par",
    'A few seconds':
        "Unos pocos segundos",
    'is all it takes to share a post with hundreds or thousands of people':
        "bastan para compartir una publicación con cientos o miles de personas",
    "In my family's group chat, someone shares a miracle cure every week. I don't want anyone to ban my uncle, but I wish he had an easy way to check before he presses share.":
        "En el chat de mi familia, alguien comparte una cura milagrosa cada semana. No quiero que nadie vete a mi tío, pero me gustaría que tuviera una forma sencilla de comprobarlo antes de pulsar «compartir».",
    'Participant, Brazil, 2020 dialogue (illustrative)':
        "Participante, Brasil, diálogo de 2020 (cita ilustrativa)",
    'What is fact-checking?':
        "¿Qué es la verificación de datos?",
    'Fact-checking is the work of checking whether a claim is accurate, using reliable sources and evidence. Independent fact-checking organisations exist in many countries, and some work with online platforms to label false or misleading posts.':
        "La verificación de datos consiste en comprobar si una afirmación es exacta, a partir de fuentes y pruebas fiables. En muchos países existen organizaciones independientes de verificación de datos, y algunas colaboran con plataformas en línea para etiquetar publicaciones falsas o engañosas.",
    'How can I check a piece of information before sharing it?':
        "¿Cómo puedo comprobar una información antes de compartirla?",
    'Ask who published it and whether the source is known and reliable, look for the same news from other trusted sources, check the date, and be careful with content designed to make you angry or afraid. When in doubt, it is better not to share.':
        "Pregúntese quién la ha publicado y si la fuente es conocida y fiable, busque la misma noticia en otras fuentes de confianza, compruebe la fecha y tenga cuidado con los contenidos pensados para provocarle enfado o miedo. En caso de duda, es mejor no compartir.",
    'Briefing: Disinformation':
        "Ficha informativa: desinformación",
    'Why false news spreads so fast':
        "Por qué las noticias falsas se difunden tan rápido",
    'A rumour used to travel from person to person. Today it can reach millions of people in a few hours.':
        "Antes, un rumor pasaba de persona a persona. Hoy puede llegar a millones de personas en pocas horas.",
    'Some false stories are honest mistakes. Others are made on purpose, to earn money or to influence opinions.':
        "Algunas historias falsas son errores de buena fe. Otras se crean a propósito, para ganar dinero o influir en las opiniones.",
    'Platforms, governments, journalists and each of us all have a part to play, but we do not always agree on who should do what.':
        "Las plataformas, los gobiernos, los periodistas y cada uno de nosotros tenemos un papel que desempeñar, pero no siempre estamos de acuerdo sobre quién debe hacer qué.",
    'How should we deal with disinformation? We want to hear what you think.':
        "¿Cómo deberíamos hacer frente a la desinformación? Queremos conocer su opinión.",
    'Fighting disinformation raises the question of who decides what can be said. Continue with the briefing on freedom of expression.':
        "Luchar contra la desinformación plantea la cuestión de quién decide lo que se puede decir. Continúe con la ficha informativa sobre la libertad de expresión.",

    # Topic: freedom of expression
    'Freedom of expression and content moderation':
        "Libertad de expresión y moderación de contenidos",
    'The internet gives everyone a voice, but it also carries hate speech, harassment and illegal content. This briefing looks at how online content is moderated today and who should set the rules.':
        "Internet da voz a todo el mundo, pero también difunde discursos de odio, acoso y contenidos ilegales. Esta ficha informativa analiza cómo se moderan hoy los contenidos en internet y quién debería establecer las normas.",
    'A right with limits':
        "Un derecho con límites",
    'Freedom of expression is a human right, protected by Article 19 of the Universal Declaration of Human Rights. It includes the freedom to seek, receive and share information and ideas. Most countries also set limits, for example against incitement to violence or defamation, but these limits vary widely.':
        "La libertad de expresión es un derecho humano, protegido por el artículo 19 de la Declaración Universal de Derechos Humanos. Incluye la libertad de buscar, recibir y difundir informaciones e ideas. La mayoría de los países también fijan límites, por ejemplo contra la incitación a la violencia o la difamación, pero estos límites varían mucho.",
    'Online, people can speak to the whole world. This has helped activists, minorities and ordinary citizens to be heard. It has also made it easier to spread hatred, threats and harassment, which can push some people, often women and minorities, to stop speaking at all.':
        "En internet, cualquiera puede dirigirse al mundo entero. Esto ha ayudado a activistas, minorías y ciudadanos de a pie a hacerse oír. También ha facilitado la difusión del odio, las amenazas y el acoso, que pueden llevar a algunas personas, a menudo mujeres y miembros de minorías, a dejar de expresarse por completo.",
    'Who moderates content today?':
        "¿Quién modera hoy los contenidos?",
    'Large platforms write their own rules, often called community standards, and decide what to remove. They use a mix of automated tools and human moderators. Because of the enormous volume of posts, mistakes happen in both directions: harmful content stays online, and legitimate content is removed.':
        "Las grandes plataformas redactan sus propias normas, a menudo llamadas normas comunitarias, y deciden qué eliminar. Utilizan una combinación de herramientas automatizadas y moderadores humanos. Debido al enorme volumen de publicaciones, se producen errores en ambos sentidos: hay contenidos dañinos que permanecen en línea y contenidos legítimos que se eliminan.",
    'Some governments now require platforms to remove illegal content quickly, or to explain how they moderate. Others use such rules to block criticism. Some people propose that independent bodies, or users themselves, should have a say. The challenge is to protect both safety and free speech.':
        "Algunos gobiernos exigen ahora a las plataformas que eliminen rápidamente los contenidos ilegales o que expliquen cómo los moderan. Otros utilizan este tipo de normas para bloquear las críticas. Hay quien propone que organismos independientes, o los propios usuarios, tengan voz. El reto consiste en proteger a la vez la seguridad y la libertad de expresión.",
    '1948':
        "1948",
    'The year the Universal Declaration of Human Rights recognised freedom of opinion and expression in its Article 19':
        "El año en que la Declaración Universal de Derechos Humanos reconoció la libertad de opinión y de expresión en su artículo 19",
    'Hundreds of hours':
        "Cientos de horas",
    'of video are uploaded to YouTube every minute':
        "de video se suben a YouTube cada minuto",
    'Tens of thousands':
        "Decenas de miles",
    'of people work as content moderators for the largest platforms':
        "de personas trabajan como moderadores de contenidos para las plataformas más grandes",
    'On the internet I can say things I could never say in public before. That is precious. But I have also seen friends leave social media because of insults. The rules should be clear and the same for everyone.':
        "En internet puedo decir cosas que antes nunca habría podido decir en público. Eso es muy valioso. Pero también he visto a amigos abandonar las redes sociales por los insultos. Las normas deberían ser claras e iguales para todos.",
    'Participant, Tunisia, 2020 dialogue (illustrative)':
        "Participante, Túnez, diálogo de 2020 (cita ilustrativa)",
    'What is content moderation?':
        "¿Qué es la moderación de contenidos?",
    "Content moderation is the process of reviewing what users post online and deciding whether it breaks the law or the platform's rules. Content can be removed, hidden, labelled or left online, and accounts can be suspended. It is done by automated systems, by human moderators, or by both.":
        "La moderación de contenidos es el proceso de revisar lo que los usuarios publican en internet y decidir si infringe la ley o las normas de la plataforma. Los contenidos pueden eliminarse, ocultarse, etiquetarse o mantenerse en línea, y las cuentas pueden suspenderse. La realizan sistemas automatizados, moderadores humanos o ambos.",
    'Can I appeal if my post is removed?':
        "¿Puedo recurrir si se elimina mi publicación?",
    'Most large platforms let users ask for a decision to be reviewed, and some countries now require them to offer this. The process and the chances of success vary from one platform and one country to another.':
        "La mayoría de las grandes plataformas permiten a los usuarios solicitar que se revise una decisión, y algunos países ya les exigen que ofrezcan esta posibilidad. El procedimiento y las probabilidades de éxito varían de una plataforma a otra y de un país a otro.",
    'Briefing: Freedom of expression and content moderation':
        "Ficha informativa: libertad de expresión y moderación de contenidos",
    'Who decides what stays online?':
        "¿Quién decide qué permanece en internet?",
    'Every minute, people around the world post millions of messages, photos and videos.':
        "Cada minuto, personas de todo el mundo publican millones de mensajes, fotos y videos.",
    'Most of them are harmless. Some are illegal, hateful or dangerous.':
        "La mayoría son inofensivos. Algunos son ilegales, incitan al odio o son peligrosos.",
    'Today, platforms make most of the decisions about what stays online, under laws that differ from country to country.':
        "Hoy en día, las plataformas toman la mayoría de las decisiones sobre lo que permanece en internet, conforme a leyes que varían de un país a otro.",
    'Should companies, governments, judges or users decide? That is what we will discuss.':
        "¿Deberían decidir las empresas, los gobiernos, los jueces o los usuarios? Eso es lo que vamos a debatir.",
    'Many moderation decisions are already made by algorithms. Continue with the briefing on our hopes and fears for artificial intelligence.':
        "Muchas decisiones de moderación ya las toman algoritmos. Continúe con la ficha informativa sobre nuestras esperanzas y temores respecto a la inteligencia artificial.",

    # Topic: artificial intelligence
    'Hopes and fears: artificial intelligence and the internet we want':
        "Esperanzas y temores: la inteligencia artificial y el internet que queremos",
    'Artificial intelligence is already part of our daily lives online. This briefing looks at what it can do, the hopes and fears it raises, and what kind of internet people would like to have in the future.':
        "La inteligencia artificial ya forma parte de nuestra vida cotidiana en internet. Esta ficha informativa analiza lo que puede hacer, las esperanzas y los temores que suscita y qué tipo de internet le gustaría a la gente tener en el futuro.",
    'Artificial intelligence in everyday life':
        "La inteligencia artificial en la vida cotidiana",
    'Artificial intelligence, or AI, refers to computer systems that perform tasks that normally require human intelligence, such as recognising images, understanding speech or making predictions. Most of these systems learn from very large amounts of data.':
        "La inteligencia artificial, o IA, designa sistemas informáticos que realizan tareas que normalmente requieren inteligencia humana, como reconocer imágenes, comprender el habla o hacer predicciones. La mayoría de estos sistemas aprenden a partir de cantidades muy grandes de datos.",
    'AI already decides which posts appear in our news feeds, recommends videos and products, translates text, filters spam and helps doctors read medical images. Much of this happens without us noticing.':
        "La IA ya decide qué publicaciones aparecen en nuestros muros de noticias, recomienda videos y productos, traduce textos, filtra el correo no deseado y ayuda a los médicos a interpretar imágenes médicas. Gran parte de esto ocurre sin que nos demos cuenta.",
    'Hopes and fears':
        "Esperanzas y temores",
    'Many people hope AI will help cure diseases, fight climate change, make services available in every language and free people from repetitive work. The internet itself was born with hopes of knowledge for all and of connecting people across borders.':
        "Muchas personas esperan que la IA ayude a curar enfermedades, a combatir el cambio climático, a ofrecer servicios en todos los idiomas y a liberar a las personas del trabajo repetitivo. El propio internet nació con la esperanza de llevar el conocimiento a todos y de conectar a las personas por encima de las fronteras.",
    'Others fear job losses, mass surveillance, automated decisions that are unfair or impossible to challenge, and systems that repeat the biases in their data. Many also worry that a few large companies control much of the technology. The question is what internet, and what AI, we want to build.':
        "Otras temen la pérdida de empleos, la vigilancia masiva, las decisiones automatizadas injustas o imposibles de impugnar, y los sistemas que reproducen los sesgos de sus datos. A muchas también les preocupa que unas pocas grandes empresas controlen buena parte de la tecnología. La cuestión es qué internet, y qué IA, queremos construir.",
    '1956':
        "1956",
    'The year a workshop at Dartmouth College in the United States launched artificial intelligence as a field of research':
        "El año en que un taller celebrado en el Dartmouth College, en Estados Unidos, dio origen a la inteligencia artificial como campo de investigación",
    '1997':
        "1997",
    'The year a computer first beat the reigning world chess champion in a match':
        "El año en que una computadora venció por primera vez al campeón mundial de ajedrez en ejercicio en un encuentro",
    'Every day':
        "Todos los días",
    'AI helps choose what billions of internet users see in their feeds and search results':
        "la IA ayuda a elegir lo que miles de millones de usuarios de internet ven en sus muros y en sus resultados de búsqueda",
    'I am excited that my phone can translate a conversation with someone on the other side of the world. What scares me is when a machine decides whether I get a loan, and nobody can explain why.':
        "Me entusiasma que mi teléfono pueda traducir una conversación con alguien que está al otro lado del mundo. Lo que me asusta es que una máquina decida si me conceden un préstamo y que nadie pueda explicar por qué.",
    'Participant, Japan, 2020 dialogue (illustrative)':
        "Participante, Japón, diálogo de 2020 (cita ilustrativa)",
    'What is an algorithm?':
        "¿Qué es un algoritmo?",
    'An algorithm is a set of step-by-step instructions that a computer follows to solve a problem or make a decision. Online, algorithms decide, for example, the order of search results or which posts appear first in your feed.':
        "Un algoritmo es un conjunto de instrucciones paso a paso que sigue una computadora para resolver un problema o tomar una decisión. En internet, los algoritmos deciden, por ejemplo, el orden de los resultados de búsqueda o qué publicaciones aparecen primero en su muro.",
    'Can artificial intelligence be biased?':
        "¿Puede la inteligencia artificial tener sesgos?",
    'Yes. AI systems learn from data collected in the past, and if that data reflects unfair treatment of some groups, the system can repeat or even amplify it. This is why many people call for AI systems to be tested, explained and open to challenge.':
        "Sí. Los sistemas de IA aprenden a partir de datos recopilados en el pasado y, si esos datos reflejan un trato injusto hacia algunos grupos, el sistema puede reproducirlo o incluso amplificarlo. Por eso muchas personas piden que los sistemas de IA se sometan a pruebas, se expliquen y puedan ser impugnados.",
    'Briefing: Hopes and fears for artificial intelligence':
        "Ficha informativa: esperanzas y temores respecto a la inteligencia artificial",
    'Artificial intelligence: promise and worry':
        "Inteligencia artificial: promesas y preocupaciones",
    'When you unlock your phone with your face or get a film recommendation, artificial intelligence is at work.':
        "Cuando desbloquea su teléfono con el rostro o recibe una recomendación de película, está actuando la inteligencia artificial.",
    'Its supporters say it could help cure diseases and make life easier for millions of people.':
        "Sus defensores afirman que podría ayudar a curar enfermedades y facilitar la vida a millones de personas.",
    'Its critics worry about surveillance, lost jobs and decisions that nobody can explain.':
        "A sus detractores les preocupan la vigilancia, la pérdida de empleos y las decisiones que nadie puede explicar.",
    'What internet, and what artificial intelligence, do we want for the next generation?':
        "¿Qué internet, y qué inteligencia artificial, queremos para la próxima generación?",
    'Hopes and fears lead to a final question: who should make these choices? Continue with the briefing on internet governance.':
        "Las esperanzas y los temores nos llevan a una última pregunta: ¿quién debería tomar estas decisiones? Continúe con la ficha informativa sobre la gobernanza de internet.",

    # Topic: internet governance
    'Who decides? Internet governance':
        "¿Quién decide? La gobernanza de internet",
    'No single government or company runs the internet. This briefing explains who makes decisions about it today, how they work together and why citizens are rarely part of the conversation.':
        "Ningún gobierno ni ninguna empresa gestiona internet por sí solo. Esta ficha informativa explica quién toma hoy las decisiones al respecto, cómo colaboran entre sí y por qué los ciudadanos rara vez participan en la conversación.",
    'How the internet is run today':
        "Cómo se gestiona internet hoy",
    'The internet is a network of networks, owned and operated by thousands of companies, universities and public bodies. To work as one global internet, they all follow common technical standards, developed by open technical communities such as the Internet Engineering Task Force.':
        "Internet es una red de redes, cuya propiedad y funcionamiento están en manos de miles de empresas, universidades y organismos públicos. Para funcionar como un único internet mundial, todos siguen normas técnicas comunes, elaboradas por comunidades técnicas abiertas como el Internet Engineering Task Force.",
    'Some shared resources, such as domain names and internet addresses, are coordinated by organisations like ICANN, founded in 1998. Governments make laws that apply in their own territory, and large technology companies set many of the rules through the services they design.':
        "Algunos recursos compartidos, como los nombres de dominio y las direcciones de internet, los coordinan organizaciones como la ICANN, fundada en 1998. Los gobiernos aprueban leyes que se aplican en su propio territorio, y las grandes empresas tecnológicas establecen muchas de las normas a través de los servicios que diseñan.",
    'Who has a say?':
        "¿Quién tiene voz?",
    'Many discussions about the internet follow a multistakeholder model, which brings together governments, companies, technical experts and civil society. The United Nations Internet Governance Forum, held every year since 2006, is one place where these groups meet.':
        "Muchos debates sobre internet siguen un modelo de múltiples partes interesadas, que reúne a gobiernos, empresas, expertos técnicos y sociedad civil. El Foro para la Gobernanza de Internet de las Naciones Unidas, que se celebra cada año desde 2006, es uno de los espacios donde se reúnen estos grupos.",
    'Supporters say this model keeps the internet open and global. Critics say it is hard to follow and that big companies and rich countries have more influence than others. Some governments want more national control. Ordinary citizens, who use the internet every day, are rarely asked for their opinion.':
        "Sus defensores afirman que este modelo mantiene internet abierto y global. Sus detractores dicen que es difícil de seguir y que las grandes empresas y los países ricos tienen más influencia que los demás. Algunos gobiernos quieren un mayor control nacional. A los ciudadanos de a pie, que usan internet todos los días, rara vez se les pide su opinión.",
    '1989':
        "1989",
    'The year Tim Berners-Lee proposed the World Wide Web while working at CERN':
        "El año en que Tim Berners-Lee propuso la World Wide Web mientras trabajaba en el CERN",
    '1998':
        "1998",
    'The year ICANN was created to coordinate internet domain names and addresses':
        "El año en que se creó la ICANN para coordinar los nombres de dominio y las direcciones de internet",
    '2006':
        "2006",
    'The year the first United Nations Internet Governance Forum was held, in Athens':
        "El año en que se celebró en Atenas el primer Foro para la Gobernanza de Internet de las Naciones Unidas",
    'Nobody asked me when these rules were made, yet they shape my life every day. If the internet belongs to everyone, then everyone should have a voice, not only governments and big companies.':
        "Nadie me preguntó cuando se establecieron estas normas y, sin embargo, determinan mi vida todos los días. Si internet es de todos, entonces todos deberían tener voz, no solo los gobiernos y las grandes empresas.",
    'Participant, Ukraine, 2020 dialogue (illustrative)':
        "Participante, Ucrania, diálogo de 2020 (cita ilustrativa)",
    'What does multistakeholder mean?':
        "¿Qué significa «de múltiples partes interesadas»?",
    'A multistakeholder approach means that decisions are discussed and shaped by all the groups concerned, such as governments, businesses, technical experts, civil society and users, rather than by governments alone.':
        "Un enfoque de múltiples partes interesadas significa que todos los grupos afectados, como los gobiernos, las empresas, los expertos técnicos, la sociedad civil y los usuarios, debaten y dan forma a las decisiones, en lugar de hacerlo solo los gobiernos.",
    'Why ask ordinary citizens about internet governance?':
        "¿Por qué preguntar a los ciudadanos de a pie sobre la gobernanza de internet?",
    'Decisions about the internet affect almost everyone, including people who are not yet online. Citizens bring everyday experience and values that experts and officials may overlook. Dialogues like this one aim to make their voices heard by those who make the decisions.':
        "Las decisiones sobre internet afectan a casi todo el mundo, incluidas las personas que aún no están conectadas. Los ciudadanos aportan una experiencia cotidiana y unos valores que los expertos y los responsables públicos pueden pasar por alto. Diálogos como este buscan que quienes toman las decisiones escuchen su voz.",
    'Briefing: Who decides? Internet governance':
        "Ficha informativa: ¿quién decide? La gobernanza de internet",
    'Who runs the internet?':
        "¿Quién gestiona internet?",
    'Nobody owns the internet, and yet somebody has to make decisions about it.':
        "Nadie es dueño de internet y, sin embargo, alguien tiene que tomar decisiones al respecto.",
    'Engineers agree on technical standards, governments pass laws and companies set the rules for their platforms.':
        "Los ingenieros acuerdan normas técnicas, los gobiernos aprueban leyes y las empresas fijan las normas de sus plataformas.",
    'International meetings bring these groups together, but citizens are rarely in the room.':
        "Las reuniones internacionales congregan a estos grupos, pero los ciudadanos rara vez están presentes.",
    'Who should decide how the internet is run? Now it is your turn to say.':
        "¿Quién debería decidir cómo se gestiona internet? Ahora le toca a usted opinar.",
    'You have reached the last briefing. Go back to the list of topics to review any question before your session.':
        "Ha llegado a la última ficha informativa. Vuelva a la lista de temas para repasar cualquier pregunta antes de su sesión.",
    # Gatherings: country editions and conversation hours.
    "The Influencer Platform is a Ukrainian civil society organisation that brings young people and experts together to discuss public policy. As national partner, it recruits participants and hosts the dialogue online.": "The Influencer Platform es una organización ucraniana de la sociedad civil que reúne a jóvenes y expertos para debatir políticas públicas. Como socio nacional, recluta a los participantes y acoge el diálogo en línea.",
    "Red Ciudadana Digital is a Mexican network of community organisations that runs workshops on digital rights. As national partner, it hosts the dialogue online for citizens across Mexico.": "Red Ciudadana Digital es una red mexicana de organizaciones comunitarias que imparte talleres sobre derechos digitales. Como socio nacional, acoge el diálogo en línea para la ciudadanía de todo México.",
    "Gender": "Género",
    "Woman": "Mujer",
    "Man": "Hombre",
    "Another gender": "Otro género",
    "Prefer not to say": "Prefiero no decirlo",
    "Age": "Edad",
    "18 to 29": "De 18 a 29 años",
    "30 to 44": "De 30 a 44 años",
    "45 to 59": "De 45 a 59 años",
    "60 and over": "60 años o más",
    "Region": "Región",
    "Kyiv city": "Ciudad de Kiev",
    "North": "Norte",
    "Centre": "Centro",
    "South": "Sur",
    "East": "Este",
    "West": "Oeste",
    "Highest level of education": "Nivel de estudios más alto",
    "Primary or none": "Primaria o ninguno",
    "Secondary": "Secundaria",
    "Vocational": "Formación profesional",
    "Higher education": "Estudios superiores",
    "Where do you live?": "¿Dónde vive?",
    "In a city": "En una ciudad",
    "In a small town": "En un pueblo grande o ciudad pequeña",
    "In a village or the countryside": "En una aldea o en el campo",
    "Citizens' Dialogue in Ukraine": "Diálogo ciudadano en Ucrania",
    "Welcome to your Citizens' Dialogue in Ukraine, organised by The Influencer Platform.": "Bienvenido a su Diálogo ciudadano en Ucrania, organizado por The Influencer Platform.",
    "During the Dialogue you'll be working in small focus groups of 7-8 people, discussing the same questions as citizens in dozens of other countries.": "Durante el Diálogo trabajará en pequeños grupos de discusión de 7 u 8 personas, sobre las mismas preguntas que la ciudadanía de decenas de otros países.",
    "The event will take place via Zoom. Access details will be shared with registered and pre-selected participants.": "El evento se celebrará por Zoom. Los datos de acceso se compartirán con las personas inscritas y preseleccionadas.",
    "Choose any of four time slots: 10:00-13:00 and 15:00-18:00 (Kyiv time) on {first_day} and {second_day}.": "Elija cualquiera de los cuatro turnos: 10:00-13:00 y 15:00-18:00 (hora de Kiev) el {first_day} y el {second_day}.",
    "We have only 100 places. Attendance is free but registration is obligatory. Deadline for registration is {deadline}.": "Solo tenemos 100 plazas. La participación es gratuita, pero la inscripción es obligatoria. El plazo de inscripción termina el {deadline}.",
    "Information materials and videos will be published in the coming weeks.": "Los materiales informativos y los vídeos se publicarán en las próximas semanas.",
    "Citizens' Dialogue in Mexico": "Diálogo ciudadano en México",
    "Welcome to the Citizens' Dialogue in Mexico, organised by Red Ciudadana Digital.": "Bienvenido al Diálogo ciudadano en México, organizado por Red Ciudadana Digital.",
    "Join one of two online sessions on {first_day}, in the morning or in the evening (Mexico City time). Places are given in the order people register; when a session is full, you join its waiting list.": "Participe en una de las dos sesiones en línea el {first_day}, por la mañana o por la tarde (hora de Ciudad de México). Las plazas se asignan por orden de inscripción; cuando una sesión está completa, pasa a su lista de espera.",
    "Citizens' Dialogue in Kenya": "Diálogo ciudadano en Kenia",
    "Welcome to the Citizens' Dialogue in Kenya, organised by Baraza Digital Forum.": "Bienvenido al Diálogo ciudadano en Kenia, organizado por Baraza Digital Forum.",
    "The dialogue takes place in person in Nairobi on {first_day}, from 9:00 to 16:00 (Nairobi time), at the Kenya National Library Service on Ngong Road. Lunch is provided.": "El diálogo se celebra de forma presencial en Nairobi el {first_day}, de 9:00 a 16:00 (hora de Nairobi), en el Kenya National Library Service de Ngong Road. Se ofrece el almuerzo.",
    "Conversation hours": "Horas de conversación",
    "Every month we host a public call about the internet and the dialogue, twice so that people in every time zone can join. Anyone is welcome; propose the topics you want to discuss before each call.": "Cada mes organizamos una llamada pública sobre internet y el diálogo, dos veces para que se pueda participar desde cualquier huso horario. Todo el mundo es bienvenido; proponga antes de cada llamada los temas que quiere tratar.",
    "Internet Governance Forum": "Foro para la Gobernanza de Internet",
    "Geneva": "Ginebra",
    "RightsCon": "RightsCon",
    "Online": "En línea",
    "Data and privacy": "Datos y privacidad",
    "Artificial intelligence": "Inteligencia artificial",
    "Internet governance": "Gobernanza de internet",
    "Monthly conversation hours": "Horas de conversación mensuales",
    "A public call each month, held twice: on the last Wednesday for Asia-Pacific and on the last Thursday for Europe, Africa and the Americas.": "Una llamada pública cada mes, en dos sesiones: el último miércoles para Asia-Pacífico y el último jueves para Europa, África y las Américas.",
    "Amina Diallo": "Amina Diallo",
    "Oleksandr Kovalenko": "Oleksandr Kovalenko",
    "Lucía Hernández": "Lucía Hernández",
    "Host": "Presentadora",
    "Researcher": "Investigador",
    "Partner organiser": "Organizadora asociada",
    "Welcome and introductions": "Bienvenida y presentaciones",
    "A short talk by the speakers": "Una breve charla de los ponentes",
    "Open discussion of the topics the community proposed": "Debate abierto sobre los temas que propuso la comunidad",
    "Who decides what we see online?": "¿Quién decide lo que vemos en internet?",
    "We discussed how platforms rank content and who should set the rules. Most participants wanted more transparency about recommendation systems.": "Hablamos de cómo las plataformas ordenan los contenidos y de quién debería fijar las reglas. La mayoría de participantes pidió más transparencia sobre los sistemas de recomendación.",
    "The speakers showed where AI is already used in public services. The questions were mostly about jobs, fairness and who is accountable for mistakes.": "Los ponentes mostraron dónde se usa ya la IA en los servicios públicos. Las preguntas trataron sobre todo del empleo, la equidad y quién responde de los errores.",
    "Your data, your rights": "Tus datos, tus derechos",
    "We went through the rights people have over their data and how to use them. Several participants shared how they asked a company for their data.": "Repasamos los derechos que tiene cada persona sobre sus datos y cómo ejercerlos. Varios participantes contaron cómo pidieron sus datos a una empresa.",
    "What should the internet look like in 2030?": "¿Cómo debería ser internet en 2030?",
    "Special call: getting ready for the dialogue day": "Llamada especial: preparar la jornada del diálogo",
}

# The demo questionnaire and quick poll (content/demo/questionnaire.py).
TRANSLATIONS.update({
    "After the dialogue: your views": "Después del diálogo: su opinión",
    "Answer on your own, after your group's discussion. Your answers are anonymous: they are stored without your name and cannot be linked back to you.": "Responda por su cuenta, después de la conversación de su grupo. Sus respuestas son anónimas: se guardan sin su nombre y no pueden relacionarse con usted.",
    "In each country, the national partner selected participants to reflect the diversity of its population in age, gender, education and place of residence. Groups of seven or eight discussed the six topics with a facilitator, after reading the same briefings, and then everyone answered this questionnaire on their own.": "En cada país, el socio nacional seleccionó a los participantes para reflejar la diversidad de su población en edad, género, nivel de estudios y lugar de residencia. Grupos de siete u ocho personas conversaron sobre los seis temas con un moderador, tras leer los mismos documentos informativos, y después cada persona respondió sola a este cuestionario.",
    "Have you ever shared a news story and found out later that it was false?": "¿Alguna vez ha compartido una noticia y después ha descubierto que era falsa?",
    "Yes": "Sí",
    "No": "No",
    "I am not sure": "No estoy seguro",
    "Your life online": "Su vida en internet",
    "How often do you use the internet?": "¿Con qué frecuencia usa internet?",
    "Several times a day": "Varias veces al día",
    "About once a day": "Más o menos una vez al día",
    "A few times a week": "Algunas veces por semana",
    "Rarely or never": "Rara vez o nunca",
    "About how many hours a day do you spend online?": "¿Cuántas horas al día pasa en internet, más o menos?",
    "What do you mostly use the internet for? Choose up to three.": "¿Para qué usa internet sobre todo? Elija hasta tres.",
    "Keeping in touch with family and friends": "Mantener el contacto con familia y amigos",
    "Work or study": "Trabajar o estudiar",
    "News and information": "Noticias e información",
    "Shopping and banking": "Compras y banca",
    "Entertainment": "Entretenimiento",
    "Public services": "Servicios públicos",
    "Since the COVID-19 pandemic, how much of your daily life has moved online?": "Desde la pandemia de COVID-19, ¿qué parte de su vida diaria ha pasado a internet?",
    "Nothing": "Nada",
    "Almost everything": "Casi todo",
    "How safe do you feel about the personal data you share online?": "¿Qué tan seguro se siente con los datos personales que comparte en internet?",
    "Not safe at all": "Nada seguro",
    "Completely safe": "Totalmente seguro",
    "How much do you trust each of these to protect your data?": "¿Cuánto confía en cada uno de estos para proteger sus datos?",
    "Governments": "Los gobiernos",
    "Large technology companies": "Las grandes empresas tecnológicas",
    "Banks": "Los bancos",
    "Health services": "Los servicios de salud",
    "No trust": "Ninguna confianza",
    "Full trust": "Confianza total",
    "Should everyone have one digital identity for all public services?": "¿Debería cada persona tener una sola identidad digital para todos los servicios públicos?",
    "I don't know": "No lo sé",
    "Have you come across false news in the last month?": "¿Se ha encontrado con noticias falsas en el último mes?",
    "Yes, often": "Sí, a menudo",
    "Yes, sometimes": "Sí, a veces",
    "Where did you see it most often?": "¿Dónde las vio con más frecuencia?",
    "Who should act first against disinformation? Rank them from 1 (first).": "¿Quién debería actuar primero contra la desinformación? Ordénelos desde 1 (el primero).",
    "Platforms": "Las plataformas",
    "Journalists and fact-checkers": "Periodistas y verificadores de datos",
    "Schools": "La escuela",
    "Each of us": "Cada uno de nosotros",
    "Platforms should remove harmful content even when it is legal.": "Las plataformas deberían retirar los contenidos dañinos aunque sean legales.",
    "Strongly disagree": "Muy en desacuerdo",
    "Strongly agree": "Muy de acuerdo",
    "Who should decide what is removed from social media?": "¿Quién debería decidir qué se retira de las redes sociales?",
    "The platforms": "Las propias plataformas",
    "Independent bodies": "Organismos independientes",
    "Courts": "Los tribunales",
    "The users themselves": "Los propios usuarios",
    "Which of these should always stay online?": "¿Cuáles de estos contenidos deberían quedarse siempre en internet?",
    "Political satire": "La sátira política",
    "Criticism of the government": "La crítica al gobierno",
    "Offensive jokes": "Los chistes ofensivos",
    "Health advice that contradicts the authorities": "Los consejos de salud que contradicen a las autoridades",
    "Overall, will artificial intelligence make your life better or worse?": "En general, ¿la inteligencia artificial hará su vida mejor o peor?",
    "Much worse": "Mucho peor",
    "Much better": "Mucho mejor",
    "How comfortable are you with artificial intelligence helping to decide on these?": "¿Qué tan cómodo se siente con que la inteligencia artificial ayude a decidir sobre estos asuntos?",
    "Job applications": "Las solicitudes de empleo",
    "Medical diagnoses": "Los diagnósticos médicos",
    "Loans": "Los préstamos",
    "Court cases": "Los casos judiciales",
    "Not comfortable": "Nada cómodo",
    "Very comfortable": "Muy cómodo",
    "What is your greatest hope or fear about artificial intelligence?": "¿Cuál es su mayor esperanza o su mayor temor sobre la inteligencia artificial?",
    "Who should have the most say over the future of the internet?": "¿Quién debería tener más peso en el futuro de internet?",
    "Companies": "Las empresas",
    "Citizens": "La ciudadanía",
    "International organisations": "Los organismos internacionales",
    "Technical experts": "Los expertos técnicos",
    "How much do you feel your voice counts in decisions about the internet?": "¿Cuánto siente que cuenta su voz en las decisiones sobre internet?",
    "Not at all": "Nada",
    "A lot": "Mucho",
    "Which two principles matter most for the internet we want?": "¿Cuáles son los dos principios más importantes para el internet que queremos?",
    "Freedom of expression": "La libertad de expresión",
    "Access for everyone": "El acceso para todos",
    "Security": "La seguridad",
    "Fair competition": "La competencia leal",
    "What would you tell the decision makers who will read these results?": "¿Qué les diría a quienes toman las decisiones y leerán estos resultados?",
    "What the participants said": "Lo que dijeron las personas participantes",
    "These are the answers of the participants to the individual questionnaire they filled in after their discussions, country by country. Compare the countries, filter by language or by session date, and download the anonymised answers or the report for decision makers.": "Estas son las respuestas de las personas participantes al cuestionario individual que rellenaron después de sus debates, país por país. Compare los países, filtre por idioma o por fecha de sesión y descargue las respuestas anonimizadas o el informe para quienes toman las decisiones.",
})
