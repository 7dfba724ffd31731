"""English source content for the Dialogue demo site.

This module holds the English (source language) text of the demo: one global
citizens' dialogue on the future of the internet, modelled on the Global
Citizens' Dialogue "We, the Internet" run by Missions Publiques in 2020, with
six topic briefings, one per session question.

It contains only Python literals. Translations live in
content/demo/translations/LANG.py, one module per language (fr.py, es.py,
uk.py and ar.py for French, Spanish, Ukrainian and Arabic), keyed by the exact English strings below: if you change a string here, update
the translation keys as well. Slugs, URLs, keys, country codes, phase kinds and
filenames are identifiers and are not translated.

Strings are plain text: no HTML, no markdown, no newlines. The "lines" of each
topic's material are plain ASCII (under 90 characters each) because they are
written into a hand-made PDF using the Helvetica base font.
"""

ORGANISATIONS = [
    {
        "key": "missions-publiques",
        "name": "Missions Publiques",
        "country": "FR",
        "website": "https://missionspubliques.org",
        "description": "Missions Publiques is a French organisation that designs and runs citizen participation processes. It initiated the Global Citizens' Dialogue on the future of the internet and coordinated it with national partners in each participating country.",
    },
    {
        "key": "baraza-digital-forum",
        "name": "Baraza Digital Forum",
        "country": "KE",
        "website": "https://baraza-digital-forum.example.org",
        "description": "Baraza Digital Forum is a Kenyan civil society organisation that helps citizens take part in public debates about technology. As national partner, it recruited participants and hosted dialogue sessions in Nairobi and in rural counties.",
    },
]

HOME = {
    "title": "Welcome to Dialogue",
    "intro": "Dialogue is a civic participation platform where citizens meet in small groups to discuss public questions and share their views with decision-makers. Start with our global citizens' dialogue on the future of the internet.",
}

ABOUT = {
    "title": "About this dialogue",
    "slug": "about",
    "paragraphs": [
        "We, the Internet is a global citizens' dialogue on the future of the internet. In 2020, ordinary citizens in around 70 countries met on the same day, in small groups of seven or eight people, to discuss the same questions about how the internet should evolve.",
        "Participants were not experts. In each country they were selected to reflect the diversity of the population in age, gender, occupation and place of residence, and they included people who rarely or never use the internet. Before the sessions, everyone received the same short, balanced briefings so that they could form their own opinion.",
        "After each discussion, every participant filled in an individual questionnaire. Because all groups answered the same questions, the results can be compared country by country and shared with the people who make decisions about the internet: governments, companies, international organisations and civil society.",
        "The dialogue follows a 100% open principle. The method, the briefing materials and the aggregated results are published openly and free of charge, so that anyone can check how the dialogue was run, reuse the materials and organise a session of their own. No personal information about participants is ever published.",
    ],
}

PRIVACY = {
    "title": "Privacy",
    "slug": "privacy",
    "paragraphs": [
        "We keep as little personal data as possible. To register for a session, we ask for your name, an email address and the country where you wish to take part, so that we can place you in a group and send you practical information.",
        "The questionnaire you fill in after each session is anonymous. Your answers are stored without your name or email address and cannot be linked back to you. Results are only ever published as totals for a country or for the whole world.",
        "Your registration data is used only to organise the dialogue. It is never sold or shared for advertising, and it is deleted once the results have been published. This site only uses the cookies it needs to work, such as keeping you signed in.",
        "You can ask to see, correct or delete your personal data at any time by contacting the organisers. In the European Union, the General Data Protection Regulation gives you these rights; we apply the same rules to every participant, wherever they live.",
    ],
}

TERMS = {
    "title": "Terms of use",
    "slug": "terms",
    "paragraphs": [
        "Dialogue is a public space for citizens to discuss public questions. By creating an account, you agree to take part in good faith and to respect the other participants, even when you disagree with them.",
        "Everything you write here (proposals, comments, supports) is public and published as open data under your nickname. Do not post personal information about yourself or other people, and only post what you have the right to share.",
        "Insults, threats, harassment, discrimination, advertising and content that breaks the law are not allowed. Moderators may hide such content; the moderation page shows how much was hidden and why. You can report anything you think breaks these rules.",
        "You may delete your account at any time from your account settings. Your contributions then stay public without your nickname. The organisers may change these terms; they will announce any change on this page before it applies.",
    ],
}

DIALOGUE = {
    "title": "We, the Internet: a global citizens' dialogue on the future of the internet",
    "slug": "we-the-internet",
    "intro": "Citizens from around 70 countries discuss the same six questions about the future of the internet, on the same day, in small groups of seven or eight. Each participant then answers an anonymous questionnaire, and the results are compared country by country and shared with decision-makers.",
    "questions": [
        "Who should protect our personal data and our digital identity online?",
        "How has COVID-19 changed the way we use the internet, and what should we keep?",
        "How should we deal with disinformation on the internet?",
        "Who should decide what can and cannot be said online?",
        "What are our hopes and fears for artificial intelligence and the future internet?",
        "Who should decide how the internet is run?",
    ],
    "phases": [
        {
            "kind": "information",
            "description": "Read the six topic briefings, watch the short videos and download the materials to prepare for the discussion.",
        },
        {
            "kind": "registration",
            "description": "Sign up to take part in a session in your country and receive practical information about the day.",
        },
        {
            "kind": "dialogue",
            "description": "Meet in a small group of seven or eight citizens to discuss the six questions, then answer an anonymous individual questionnaire.",
        },
        {
            "kind": "results",
            "description": "Explore the combined answers from all countries, compare them country by country and see how they are shared with decision-makers.",
        },
    ],
}

# Video URLs below are illustrative only: the YouTube, Vimeo and PeerTube
# (framatube.org) IDs were made up to exercise the three URL formats and do not
# point to real briefing videos.
TOPICS = [
    {
        "slug": "data-safety",
        "title": "Data safety and digital identity",
        "question": "Who should protect our personal data and our digital identity online?",
        "summary": "Every time we go online, we leave traces that say who we are and what we do. This briefing looks at who collects that information, how it is protected and who should be responsible for keeping it safe.",
        "sections": [
            {
                "heading": "What is personal data?",
                "paragraphs": [
                    "Personal data is any information that can identify you, directly or indirectly: your name, your address and your phone number, but also your location, your photos, your searches and the things you buy or like online.",
                    "Together, these traces make up your digital identity. Companies use them to offer free services, to show targeted advertising and to improve their products. Governments use them to provide public services, collect taxes and, in some cases, to monitor people.",
                ],
            },
            {
                "heading": "Who protects it today?",
                "paragraphs": [
                    "Responsibility is shared. Many countries have data protection laws that set rules for companies and public bodies, and independent authorities that can investigate and fine them. In the European Union, the General Data Protection Regulation has applied since 2018, and many other countries have adopted similar laws.",
                    "But laws differ from one country to another, while data often crosses borders in a fraction of a second. Some people think each of us should take more care of our own data; others argue that companies, governments or international rules should carry most of the responsibility.",
                ],
            },
        ],
        "key_facts_heading": "Key facts",
        "key_facts": [
            {"value": "2018", "label": "The year the European Union's General Data Protection Regulation took effect"},
            {"value": "About 7 in 10", "label": "countries in the world have some form of data protection law"},
            {"value": "Billions of accounts", "label": "have been exposed in data breaches over the past two decades"},
        ],
        "quote": {
            "text": "I never read the terms and conditions, nobody does. I would like to know that someone checks them for me, the way someone checks that the food I buy is safe.",
            "attribution": "Participant, Germany, 2020 dialogue (illustrative)",
        },
        "faq": [
            {
                "question": "What is a data breach?",
                "answer": "A data breach happens when personal information is accessed, stolen or published without permission, for example after a cyberattack or because a database was left unprotected. The people affected may face fraud, identity theft or unwanted contact.",
            },
            {
                "question": "Can I find out what data a company holds about me?",
                "answer": "In many countries, yes. Data protection laws often give you the right to ask an organisation what information it holds about you, to correct it and, in some cases, to have it deleted. The rules depend on where you live and where the company is based.",
            },
        ],
        "material": {
            "title": "Briefing: Data safety and digital identity",
            "filename": "data-safety-briefing",
            "lines": [
                "Data safety and digital identity",
                "Briefing for participants - We, the Internet",
                "Personal data is any information that can identify you, directly or indirectly.",
                "It includes your name and address, but also your location, searches and purchases.",
                "Companies use data to run free services, target advertising and improve products.",
                "Governments use data to provide public services and, sometimes, to monitor people.",
                "Many countries have data protection laws and independent authorities.",
                "Data often crosses borders, while laws stop at them.",
                "Question for discussion:",
                "Who should protect our personal data and our digital identity online?",
            ],
        },
        "video": {
            "title": "Who holds your data? A short introduction",
            "url": "https://www.youtube.com/watch?v=Xq3vT8mLpR2",
            "transcript": [
                "Every message you send, every search you make and every place you visit with your phone leaves a trace.",
                "These traces are personal data, and together they form your digital identity.",
                "Companies and governments collect this data to provide services, but it can also be lost, stolen or misused.",
                "Laws in many countries set rules, but they differ from place to place.",
                "So who should be responsible for keeping your data safe? That is the question we will discuss together.",
            ],
        },
        "cta": {
            "label": "Read the other topics",
            "text": "Data safety is linked to every other question in this dialogue. Continue with the next briefing to see how our online habits changed during the pandemic.",
        },
    },
    {
        "slug": "online-habits",
        "title": "Our online habits after COVID-19",
        "question": "How has COVID-19 changed the way we use the internet, and what should we keep?",
        "summary": "During the pandemic, work, school, shopping, health care and family life moved online almost overnight for many people, while others were left out. This briefing looks at what changed and what we might want to keep.",
        "sections": [
            {
                "heading": "What changed in 2020",
                "paragraphs": [
                    "When the COVID-19 pandemic began, governments around the world asked people to stay at home. For those with a good connection, the internet became the main way to work, study, see a doctor, buy food and keep in touch with friends and family.",
                    "Video calls became part of daily life, online shopping grew quickly and many public services moved online. Some people discovered new possibilities, such as working from home or following a class from a distance, and want to keep them.",
                ],
            },
            {
                "heading": "Who was left behind",
                "paragraphs": [
                    "Not everyone could follow. Billions of people had no internet access at home, or only a slow or expensive connection. Many pupils could not follow their lessons, and older people or people without digital skills sometimes found it harder to reach essential services.",
                    "Spending more time online also raised new questions: tiredness from screens, the blurred line between work and private life, and the amount of personal data collected by the tools we suddenly depended on.",
                ],
            },
        ],
        "key_facts_heading": "Key facts",
        "key_facts": [
            {"value": "About half of humanity", "label": "was asked to stay at home at some point in the spring of 2020"},
            {"value": "More than 1 billion", "label": "pupils and students were affected by school closures at the height of the pandemic"},
            {"value": "More than a third", "label": "of the world's population had still never used the internet in 2021"},
        ],
        "quote": {
            "text": "My grandmother learned to use video calls during the lockdown so she could see her grandchildren. But in my village, many children simply stopped learning for months because there was no connection.",
            "attribution": "Participant, Kenya, 2020 dialogue (illustrative)",
        },
        "faq": [
            {
                "question": "What is the digital divide?",
                "answer": "The digital divide is the gap between people who have affordable, reliable internet access and the skills to use it, and those who do not. It exists between countries, but also within countries: between cities and rural areas, richer and poorer households, and younger and older people.",
            },
            {
                "question": "Will the changes of 2020 last?",
                "answer": "Nobody knows for sure. Some habits, such as video meetings and online shopping, have stayed for many people, while others went back to how things were before. This dialogue asks citizens which changes they would like to keep and which they would rather leave behind.",
            },
        ],
        "material": {
            "title": "Briefing: Our online habits after COVID-19",
            "filename": "online-habits-briefing",
            "lines": [
                "Our online habits after COVID-19",
                "Briefing for participants - We, the Internet",
                "In 2020, many people had to stay at home because of the COVID-19 pandemic.",
                "Work, school, shopping and health care moved online almost overnight.",
                "People with a good connection found new ways to work, learn and keep in touch.",
                "Billions of people without good internet access were left out.",
                "More screen time also raised questions about wellbeing and personal data.",
                "Question for discussion:",
                "How has COVID-19 changed the way we use the internet, and what should we keep?",
            ],
        },
        "video": {
            "title": "Life online during the lockdown",
            "url": "https://vimeo.com/447812356",
            "transcript": [
                "In the spring of 2020, for many of us, the front door closed and the screen opened.",
                "Offices became kitchen tables, classrooms became video calls, and grandparents learned to use their phones in new ways.",
                "But for people without a connection, the pandemic meant being cut off from school, work and public services.",
                "As life finds a new normal, which of these changes do we want to keep?",
            ],
        },
        "cta": {
            "label": "Read the other topics",
            "text": "Our habits online depend on trusting what we read there. Continue with the briefing on disinformation.",
        },
    },
    {
        "slug": "disinformation",
        "title": "Disinformation",
        "question": "How should we deal with disinformation on the internet?",
        "summary": "False or misleading information can spread online faster than ever. This briefing explains what disinformation is, why it spreads and the different ways people propose to deal with it.",
        "sections": [
            {
                "heading": "What is disinformation?",
                "paragraphs": [
                    "Disinformation is false or misleading information that is spread on purpose, for example to make money, to influence an election or to damage trust in institutions. Misinformation is false information shared by people who believe it is true.",
                    "False rumours are nothing new, but the internet allows anyone to publish and share content instantly with a very large audience. Platforms often show us content that gets strong reactions, and shocking or emotional stories tend to travel further than careful ones.",
                ],
            },
            {
                "heading": "Different ways to respond",
                "paragraphs": [
                    "Some people want platforms to remove false content, or to label it and make it less visible. Others want governments to pass laws against disinformation. Critics warn that both approaches could be used to silence legitimate opinions, and ask who gets to decide what is true.",
                    "Other responses focus on people rather than content: independent fact-checking, support for quality journalism, and education that helps people of all ages check sources before they share. Most experts agree that no single solution is enough on its own.",
                ],
            },
        ],
        "key_facts_heading": "Key facts",
        "key_facts": [
            {"value": "Infodemic", "label": "The word the World Health Organization used in 2020 for the flood of accurate and false information about COVID-19"},
            {"value": "Billions of people", "label": "use social media, where news and rumours spread side by side"},
            {"value": "A few seconds", "label": "is all it takes to share a post with hundreds or thousands of people"},
        ],
        "quote": {
            "text": "In my family's group chat, someone shares a miracle cure every week. I don't want anyone to ban my uncle, but I wish he had an easy way to check before he presses share.",
            "attribution": "Participant, Brazil, 2020 dialogue (illustrative)",
        },
        "faq": [
            {
                "question": "What is fact-checking?",
                "answer": "Fact-checking is the work of checking whether a claim is accurate, using reliable sources and evidence. Independent fact-checking organisations exist in many countries, and some work with online platforms to label false or misleading posts.",
            },
            {
                "question": "How can I check a piece of information before sharing it?",
                "answer": "Ask who published it and whether the source is known and reliable, look for the same news from other trusted sources, check the date, and be careful with content designed to make you angry or afraid. When in doubt, it is better not to share.",
            },
        ],
        "material": {
            "title": "Briefing: Disinformation",
            "filename": "disinformation-briefing",
            "lines": [
                "Disinformation",
                "Briefing for participants - We, the Internet",
                "Disinformation is false or misleading information spread on purpose.",
                "Misinformation is false information shared by people who believe it is true.",
                "Online, anyone can publish and share content instantly with a large audience.",
                "Emotional and shocking stories often spread faster than careful ones.",
                "Responses include removing or labelling content, laws, fact-checking and education.",
                "Each response has benefits and risks, including for freedom of expression.",
                "Question for discussion:",
                "How should we deal with disinformation on the internet?",
            ],
        },
        "video": {
            "title": "Why false news spreads so fast",
            "url": "https://framatube.org/w/p3WfT9xKqLmZ8rB2vNcYdA",
            "transcript": [
                "A rumour used to travel from person to person. Today it can reach millions of people in a few hours.",
                "Some false stories are honest mistakes. Others are made on purpose, to earn money or to influence opinions.",
                "Platforms, governments, journalists and each of us all have a part to play, but we do not always agree on who should do what.",
                "How should we deal with disinformation? We want to hear what you think.",
            ],
        },
        "cta": {
            "label": "Read the other topics",
            "text": "Fighting disinformation raises the question of who decides what can be said. Continue with the briefing on freedom of expression.",
        },
    },
    {
        "slug": "freedom-of-expression",
        "title": "Freedom of expression and content moderation",
        "question": "Who should decide what can and cannot be said online?",
        "summary": "The internet gives everyone a voice, but it also carries hate speech, harassment and illegal content. This briefing looks at how online content is moderated today and who should set the rules.",
        "sections": [
            {
                "heading": "A right with limits",
                "paragraphs": [
                    "Freedom of expression is a human right, protected by Article 19 of the Universal Declaration of Human Rights. It includes the freedom to seek, receive and share information and ideas. Most countries also set limits, for example against incitement to violence or defamation, but these limits vary widely.",
                    "Online, people can speak to the whole world. This has helped activists, minorities and ordinary citizens to be heard. It has also made it easier to spread hatred, threats and harassment, which can push some people, often women and minorities, to stop speaking at all.",
                ],
            },
            {
                "heading": "Who moderates content today?",
                "paragraphs": [
                    "Large platforms write their own rules, often called community standards, and decide what to remove. They use a mix of automated tools and human moderators. Because of the enormous volume of posts, mistakes happen in both directions: harmful content stays online, and legitimate content is removed.",
                    "Some governments now require platforms to remove illegal content quickly, or to explain how they moderate. Others use such rules to block criticism. Some people propose that independent bodies, or users themselves, should have a say. The challenge is to protect both safety and free speech.",
                ],
            },
        ],
        "key_facts_heading": "Key facts",
        "key_facts": [
            {"value": "1948", "label": "The year the Universal Declaration of Human Rights recognised freedom of opinion and expression in its Article 19"},
            {"value": "Hundreds of hours", "label": "of video are uploaded to YouTube every minute"},
            {"value": "Tens of thousands", "label": "of people work as content moderators for the largest platforms"},
        ],
        "quote": {
            "text": "On the internet I can say things I could never say in public before. That is precious. But I have also seen friends leave social media because of insults. The rules should be clear and the same for everyone.",
            "attribution": "Participant, Tunisia, 2020 dialogue (illustrative)",
        },
        "faq": [
            {
                "question": "What is content moderation?",
                "answer": "Content moderation is the process of reviewing what users post online and deciding whether it breaks the law or the platform's rules. Content can be removed, hidden, labelled or left online, and accounts can be suspended. It is done by automated systems, by human moderators, or by both.",
            },
            {
                "question": "Can I appeal if my post is removed?",
                "answer": "Most large platforms let users ask for a decision to be reviewed, and some countries now require them to offer this. The process and the chances of success vary from one platform and one country to another.",
            },
        ],
        "material": {
            "title": "Briefing: Freedom of expression and content moderation",
            "filename": "freedom-of-expression-briefing",
            "lines": [
                "Freedom of expression and content moderation",
                "Briefing for participants - We, the Internet",
                "Freedom of expression is protected by Article 19 of the Universal Declaration.",
                "Most countries set limits, for example against incitement to violence.",
                "Online, everyone can speak to the world, but hatred and harassment spread too.",
                "Platforms write their own rules and use both software and human moderators.",
                "Some governments require platforms to remove illegal content quickly.",
                "Too much removal can silence legitimate voices; too little can leave people unsafe.",
                "Question for discussion:",
                "Who should decide what can and cannot be said online?",
            ],
        },
        "video": {
            "title": "Who decides what stays online?",
            "url": "https://www.youtube.com/watch?v=bN7kW2sJd4Q",
            "transcript": [
                "Every minute, people around the world post millions of messages, photos and videos.",
                "Most of them are harmless. Some are illegal, hateful or dangerous.",
                "Today, platforms make most of the decisions about what stays online, under laws that differ from country to country.",
                "Should companies, governments, judges or users decide? That is what we will discuss.",
            ],
        },
        "cta": {
            "label": "Read the other topics",
            "text": "Many moderation decisions are already made by algorithms. Continue with the briefing on our hopes and fears for artificial intelligence.",
        },
    },
    {
        "slug": "hopes-and-fears",
        "title": "Hopes and fears: artificial intelligence and the internet we want",
        "question": "What are our hopes and fears for artificial intelligence and the future internet?",
        "summary": "Artificial intelligence is already part of our daily lives online. This briefing looks at what it can do, the hopes and fears it raises, and what kind of internet people would like to have in the future.",
        "sections": [
            {
                "heading": "Artificial intelligence in everyday life",
                "paragraphs": [
                    "Artificial intelligence, or AI, refers to computer systems that perform tasks that normally require human intelligence, such as recognising images, understanding speech or making predictions. Most of these systems learn from very large amounts of data.",
                    "AI already decides which posts appear in our news feeds, recommends videos and products, translates text, filters spam and helps doctors read medical images. Much of this happens without us noticing.",
                ],
            },
            {
                "heading": "Hopes and fears",
                "paragraphs": [
                    "Many people hope AI will help cure diseases, fight climate change, make services available in every language and free people from repetitive work. The internet itself was born with hopes of knowledge for all and of connecting people across borders.",
                    "Others fear job losses, mass surveillance, automated decisions that are unfair or impossible to challenge, and systems that repeat the biases in their data. Many also worry that a few large companies control much of the technology. The question is what internet, and what AI, we want to build.",
                ],
            },
        ],
        "key_facts_heading": "Key facts",
        "key_facts": [
            {"value": "1956", "label": "The year a workshop at Dartmouth College in the United States launched artificial intelligence as a field of research"},
            {"value": "1997", "label": "The year a computer first beat the reigning world chess champion in a match"},
            {"value": "Every day", "label": "AI helps choose what billions of internet users see in their feeds and search results"},
        ],
        "quote": {
            "text": "I am excited that my phone can translate a conversation with someone on the other side of the world. What scares me is when a machine decides whether I get a loan, and nobody can explain why.",
            "attribution": "Participant, Japan, 2020 dialogue (illustrative)",
        },
        "faq": [
            {
                "question": "What is an algorithm?",
                "answer": "An algorithm is a set of step-by-step instructions that a computer follows to solve a problem or make a decision. Online, algorithms decide, for example, the order of search results or which posts appear first in your feed.",
            },
            {
                "question": "Can artificial intelligence be biased?",
                "answer": "Yes. AI systems learn from data collected in the past, and if that data reflects unfair treatment of some groups, the system can repeat or even amplify it. This is why many people call for AI systems to be tested, explained and open to challenge.",
            },
        ],
        "material": {
            "title": "Briefing: Hopes and fears for artificial intelligence",
            "filename": "hopes-and-fears-briefing",
            "lines": [
                "Hopes and fears: artificial intelligence and the internet we want",
                "Briefing for participants - We, the Internet",
                "AI means computer systems that do tasks that normally need human intelligence.",
                "AI systems learn from very large amounts of data.",
                "AI already sorts news feeds, recommends videos, translates text and filters spam.",
                "Hopes: better health care, help for the climate, services in every language.",
                "Fears: job losses, surveillance, unfair decisions and repeated biases.",
                "Many worry that a few large companies control much of the technology.",
                "Question for discussion:",
                "What are our hopes and fears for artificial intelligence and the future internet?",
            ],
        },
        "video": {
            "title": "Artificial intelligence: promise and worry",
            "url": "https://vimeo.com/512038847",
            "transcript": [
                "When you unlock your phone with your face or get a film recommendation, artificial intelligence is at work.",
                "Its supporters say it could help cure diseases and make life easier for millions of people.",
                "Its critics worry about surveillance, lost jobs and decisions that nobody can explain.",
                "What internet, and what artificial intelligence, do we want for the next generation?",
            ],
        },
        "cta": {
            "label": "Read the other topics",
            "text": "Hopes and fears lead to a final question: who should make these choices? Continue with the briefing on internet governance.",
        },
    },
    {
        "slug": "internet-governance",
        "title": "Who decides? Internet governance",
        "question": "Who should decide how the internet is run?",
        "summary": "No single government or company runs the internet. This briefing explains who makes decisions about it today, how they work together and why citizens are rarely part of the conversation.",
        "sections": [
            {
                "heading": "How the internet is run today",
                "paragraphs": [
                    "The internet is a network of networks, owned and operated by thousands of companies, universities and public bodies. To work as one global internet, they all follow common technical standards, developed by open technical communities such as the Internet Engineering Task Force.",
                    "Some shared resources, such as domain names and internet addresses, are coordinated by organisations like ICANN, founded in 1998. Governments make laws that apply in their own territory, and large technology companies set many of the rules through the services they design.",
                ],
            },
            {
                "heading": "Who has a say?",
                "paragraphs": [
                    "Many discussions about the internet follow a multistakeholder model, which brings together governments, companies, technical experts and civil society. The United Nations Internet Governance Forum, held every year since 2006, is one place where these groups meet.",
                    "Supporters say this model keeps the internet open and global. Critics say it is hard to follow and that big companies and rich countries have more influence than others. Some governments want more national control. Ordinary citizens, who use the internet every day, are rarely asked for their opinion.",
                ],
            },
        ],
        "key_facts_heading": "Key facts",
        "key_facts": [
            {"value": "1989", "label": "The year Tim Berners-Lee proposed the World Wide Web while working at CERN"},
            {"value": "1998", "label": "The year ICANN was created to coordinate internet domain names and addresses"},
            {"value": "2006", "label": "The year the first United Nations Internet Governance Forum was held, in Athens"},
        ],
        "quote": {
            "text": "Nobody asked me when these rules were made, yet they shape my life every day. If the internet belongs to everyone, then everyone should have a voice, not only governments and big companies.",
            "attribution": "Participant, Ukraine, 2020 dialogue (illustrative)",
        },
        "faq": [
            {
                "question": "What does multistakeholder mean?",
                "answer": "A multistakeholder approach means that decisions are discussed and shaped by all the groups concerned, such as governments, businesses, technical experts, civil society and users, rather than by governments alone.",
            },
            {
                "question": "Why ask ordinary citizens about internet governance?",
                "answer": "Decisions about the internet affect almost everyone, including people who are not yet online. Citizens bring everyday experience and values that experts and officials may overlook. Dialogues like this one aim to make their voices heard by those who make the decisions.",
            },
        ],
        "material": {
            "title": "Briefing: Who decides? Internet governance",
            "filename": "internet-governance-briefing",
            "lines": [
                "Who decides? Internet governance",
                "Briefing for participants - We, the Internet",
                "The internet is a network of networks run by thousands of organisations.",
                "Common technical standards allow all these networks to work together.",
                "ICANN coordinates domain names and internet addresses.",
                "Governments make laws for their territory; companies set rules for their services.",
                "The multistakeholder model brings together governments, companies and civil society.",
                "Citizens are rarely asked for their opinion.",
                "Question for discussion:",
                "Who should decide how the internet is run?",
            ],
        },
        "video": {
            "title": "Who runs the internet?",
            "url": "https://framatube.org/w/hR7uJ4mP2sXwE9kQbT6nLz",
            "transcript": [
                "Nobody owns the internet, and yet somebody has to make decisions about it.",
                "Engineers agree on technical standards, governments pass laws and companies set the rules for their platforms.",
                "International meetings bring these groups together, but citizens are rarely in the room.",
                "Who should decide how the internet is run? Now it is your turn to say.",
            ],
        },
        "cta": {
            "label": "Read the other topics",
            "text": "You have reached the last briefing. Go back to the list of topics to review any question before your session.",
        },
    },
]

# --- Gatherings ---------------------------------------------------------------------------------
# Country editions of the dialogue day and a series of conversation hours. Times are identifiers
# (hours in the edition's or series' time zone; days relative to the day the demo is loaded);
# sessions are never translated. Strings with {first_day}, {second_day} or {deadline} get the
# dates in each language's words when the demo is built (content/demo/gatherings.py).

GATHERING_ORGANISATIONS = [
    {
        "key": "influencer-platform",
        "name": "The Influencer Platform",
        "country": "UA",
        "website": "https://influencer-platform.example.org",
        "description": "The Influencer Platform is a Ukrainian civil society organisation that brings young people and experts together to discuss public policy. As national partner, it recruits participants and hosts the dialogue online.",
    },
    {
        "key": "red-ciudadana-digital",
        "name": "Red Ciudadana Digital",
        "country": "MX",
        "website": "https://red-ciudadana-digital.example.org",
        "description": "Red Ciudadana Digital is a Mexican network of community organisations that runs workshops on digital rights. As national partner, it hosts the dialogue online for citizens across Mexico.",
    },
]

# One choice list per profile question: the value is stored with the answer, the same in every language.
PROFILE_QUESTIONS = [
    {
        "key": "gender",
        "label": "Gender",
        "required": True,
        "choices": [("woman", "Woman"), ("man", "Man"), ("other", "Another gender"), ("undisclosed", "Prefer not to say")],
    },
    {
        "key": "age_band",
        "label": "Age",
        "required": True,
        "choices": [("18_29", "18 to 29"), ("30_44", "30 to 44"), ("45_59", "45 to 59"), ("60_plus", "60 and over")],
    },
    {
        "key": "region",
        "label": "Region",
        "required": True,
        "choices": [("kyiv", "Kyiv city"), ("north", "North"), ("centre", "Centre"), ("south", "South"), ("east", "East"), ("west", "West")],
    },
    {
        "key": "education",
        "label": "Highest level of education",
        "required": False,
        "choices": [("primary", "Primary or none"), ("secondary", "Secondary"), ("vocational", "Vocational"), ("higher", "Higher education")],
    },
    {
        "key": "area",
        "label": "Where do you live?",
        "required": False,
        "choices": [("urban", "In a city"), ("town", "In a small town"), ("rural", "In a village or the countryside")],
    },
]

# The Ukraine edition, as the partner's real page read. Slots: (day after loading, start, end),
# Kyiv time; the deadline is eight days before the first day.
UKRAINE = {
    "slug": "ukraine",
    "title": "Citizens' Dialogue in Ukraine",
    "country": "UA",
    "partner": "influencer-platform",
    "languages": ["uk"],
    "time_zone": "Europe/Kyiv",
    "total_places": 100,
    "participants_preselected": True,
    "deadline_days_before": 8,
    "slots": [(28, "10:00", "13:00"), (28, "15:00", "18:00"), (29, "10:00", "13:00"), (29, "15:00", "18:00")],
    "platform": "Zoom",
    "intro": "Welcome to your Citizens' Dialogue in Ukraine, organised by The Influencer Platform.",
    "paragraphs": [
        "During the Dialogue you'll be working in small focus groups of 7-8 people, discussing the same questions as citizens in dozens of other countries.",
        "The event will take place via Zoom. Access details will be shared with registered and pre-selected participants.",
        "Choose any of four time slots: 10:00-13:00 and 15:00-18:00 (Kyiv time) on {first_day} and {second_day}.",
        "We have only 100 places. Attendance is free but registration is obligatory. Deadline for registration is {deadline}.",
        "Information materials and videos will be published in the coming weeks.",
    ],
}

# Two more editions in other time zones: one online, one in person at a public address.
EDITIONS = [
    {
        "slug": "mexico",
        "title": "Citizens' Dialogue in Mexico",
        "country": "MX",
        "partner": "red-ciudadana-digital",
        "languages": ["es"],
        "time_zone": "America/Mexico_City",
        "total_places": 80,
        "participants_preselected": False,
        "deadline_days_before": 5,
        "slots": [(28, "09:00", "12:00"), (28, "16:00", "19:00")],
        "capacity": 40,
        "intro": "Welcome to the Citizens' Dialogue in Mexico, organised by Red Ciudadana Digital.",
        "paragraphs": [
            "Join one of two online sessions on {first_day}, in the morning or in the evening (Mexico City time). Places are given in the order people register; when a session is full, you join its waiting list.",
        ],
    },
    {
        "slug": "kenya",
        "title": "Citizens' Dialogue in Kenya",
        "country": "KE",
        "partner": "baraza-digital-forum",
        "languages": ["en"],
        "time_zone": "Africa/Nairobi",
        "total_places": 60,
        "participants_preselected": False,
        "deadline_days_before": 7,
        "slots": [(28, "09:00", "16:00")],
        "capacity": 60,
        "address": "Kenya National Library Service, Ngong Road, Nairobi",
        "intro": "Welcome to the Citizens' Dialogue in Kenya, organised by Baraza Digital Forum.",
        "paragraphs": [
            "The dialogue takes place in person in Nairobi on {first_day}, from 9:00 to 16:00 (Nairobi time), at the Kenya National Library Service on Ngong Road. Lunch is provided.",
        ],
    },
]

EVENTS_INDEX = {
    "slug": "conversation-hours",
    "title": "Conversation hours",
    "intro": "Every month we host a public call about the internet and the dialogue, twice so that people in every time zone can join. Anyone is welcome; propose the topics you want to discuss before each call.",
}

# (days after loading, title, place, link)
OUTSIDE_EVENTS = [
    (40, 43, "Internet Governance Forum", "Geneva", "https://www.intgovforum.org/"),
    (75, 78, "RightsCon", "Online", "https://www.rightscon.org/"),
]

EVENT_THEMES = [
    ("privacy", "Data and privacy"),
    ("ai", "Artificial intelligence"),
    ("governance", "Internet governance"),
]

EVENT_SERIES = {
    "name": "Monthly conversation hours",
    "description": "A public call each month, held twice: on the last Wednesday for Asia-Pacific and on the last Thursday for Europe, Africa and the Americas.",
    # (ordinal, weekday, time, minutes, label): the last Wednesday and the last Thursday (UTC).
    "patterns": [(-1, 2, "08:00", 60, "Asia-Pacific"), (-1, 3, "16:00", 60, "Europe-Africa-Americas")],
}

SPEAKERS = {
    "host": ("Amina Diallo", "Host"),
    "researcher": ("Oleksandr Kovalenko", "Researcher"),
    "partner": ("Lucía Hernández", "Partner organiser"),
}

AGENDA = [
    "Welcome and introductions",
    "A short talk by the speakers",
    "Open discussion of the topics the community proposed",
]

# Past calls, newest first: one a month before the next call. One recording has a password.
PAST_CALLS = [
    {
        "title": "Who decides what we see online?",
        "theme": "governance",
        "speakers": ["host", "partner"],
        "recording_password": "",
        "notes": "We discussed how platforms rank content and who should set the rules. Most participants wanted more transparency about recommendation systems.",
    },
    {
        "title": "Artificial intelligence in everyday life",
        "theme": "ai",
        "speakers": ["host", "researcher"],
        "recording_password": "hours-ai-2026",
        "notes": "The speakers showed where AI is already used in public services. The questions were mostly about jobs, fairness and who is accountable for mistakes.",
    },
    {
        "title": "Your data, your rights",
        "theme": "privacy",
        "speakers": ["host", "researcher"],
        "recording_password": "",
        "notes": "We went through the rights people have over their data and how to use them. Several participants shared how they asked a company for their data.",
    },
]

NEXT_CALL = {
    "title": "What should the internet look like in 2030?",
    "theme": "governance",
    "speakers": ["host", "partner"],
}

# An ad-hoc call between the regular ones: two sessions (days after loading, UTC time, label).
AD_HOC_CALL = {
    "title": "Special call: getting ready for the dialogue day",
    "theme": "governance",
    "speakers": ["host", "partner"],
    "sessions": [(10, "07:00", "Asia-Pacific"), (10, "17:00", "Europe-Africa-Americas")],
}

# Topics the community proposed for the next call, by demo citizens (not translated: people's
# own words), with how many citizens support each.
CITIZENS = ["maryna", "kwame", "sofia", "hiroshi", "ines", "david"]
COMMUNITY_TOPICS = [
    ("Should schools teach how recommendation algorithms work?", "Children meet algorithms before they can read a privacy policy. What should schools teach about them?", "en", 5),
    ("Internet access as a public service", "Should every village have a public internet connection, like water or electricity?", "en", 4),
    ("Qui modère les réseaux sociaux ?", "Les règles de modération changent sans prévenir. Qui devrait les décider et les contrôler ?", "fr", 2),
    ("Як захистити вибори від дезінформації?", "Що мають робити платформи, держава й громадяни під час виборчих кампаній?", "uk", 1),
]
