"""What the API answers, as OpenAPI schemas. Placeholders (hidden or deleted contributions)
use the same shapes with their words and author set to null."""

from datetime import date, datetime
from typing import Literal, Optional, Union

from ninja import Schema
from pydantic import Field


class Problem(Schema):
    loc: list[Union[str, int]] = Field(description="Where the problem is, e.g. ['query', 'lang'].")
    msg: str
    type: str


class Error(Schema):
    error: str = Field(description="Why the request was refused, in words.")
    detail: Optional[list[Problem]] = Field(None, description="Each invalid parameter (422 only).")


class Counts(Schema):
    proposals: int = Field(description="Proposals not hidden by moderation (withdrawn ones included).")
    supports: int = Field(description="Supports those proposals received.")
    comments: int = Field(description="Comments neither hidden nor deleted, on the dialogue's pages and proposals.")
    hidden_by_moderation: int = Field(description="Contributions (proposals and comments) hidden by moderation.")


class Links(Schema):
    proposals: str
    proposals_csv: str
    comments_csv: str
    counts_csv: str


class Dialogue(Schema):
    id: int = Field(description="The dialogue page in the default language; proposals belong to it.")
    title: str
    language: str = Field(description="Language of the title: the one asked for, or the source when not translated.")
    url: str = Field(description="The dialogue's page on the site.")
    counts: Counts
    links: Links


class Topic(Schema):
    id: int
    title: str
    language: str


class State(Schema):
    id: int
    kind: Literal["evaluating", "accepted", "rejected", "discussed", "other"]
    name: str


class DialogueDetail(Dialogue):
    topics: list[Topic]
    states: list[State] = Field(description="Official states a proposal can be given (filter proposals by their id).")


class DialoguePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[Dialogue]


class Answer(Schema):
    text: str
    language: str


class Proposal(Schema):
    id: int
    reference: str = Field(description="Short public reference, e.g. DLG-PROP-42.")
    hidden: bool = Field(description="Hidden by moderation: only id, reference and url are given.")
    url: str = Field(description="Permanent address of the proposal's page.")
    title: Optional[str] = None
    author: Optional[str] = Field(None, description="The author's public nickname, or 'Deleted participant'.")
    language: Optional[str] = Field(None, description="Language the proposal is written in.")
    topic: Optional[Topic] = None
    state: Optional[State] = Field(None, description="Official state; null while not answered.")
    withdrawn: Optional[bool] = None
    support_count: Optional[int] = None
    comment_count: Optional[int] = None
    created_at: Optional[datetime] = None
    updated_at: Optional[datetime] = Field(None, description="Last change: written, edited, answered or withdrawn.")


class ProposalDetail(Proposal):
    dialogue_id: int
    body: Optional[str] = Field(None, description="Plain text; line breaks kept.")
    answer: Optional[Answer] = Field(None, description="Official answer text, in the language asked for or its source.")
    edited_at: Optional[datetime] = None
    answered_at: Optional[datetime] = None
    withdrawn_at: Optional[datetime] = None
    comments_url: str


class ProposalPage(Schema):
    count: int = Field(description="Proposals matching the filters, over all pages.")
    limit: int
    offset: int
    items: list[Proposal]


class Comment(Schema):
    id: int
    parent_id: Optional[int] = Field(None, description="The comment this one replies to.")
    depth: int = Field(description="1 for a comment, 2 and 3 for replies.")
    hidden: bool = Field(description="Hidden by moderation: no text, no author.")
    deleted: bool = Field(description="Deleted by its author or a moderator: no text, no author.")
    author: Optional[str] = None
    body: Optional[str] = Field(None, description="Plain text; line breaks kept.")
    position: Optional[Literal["for", "against", "neutral"]] = None
    upvotes: int
    downvotes: int
    edited: bool
    created_at: datetime
    url: str


class CommentPage(Schema):
    count: int = Field(description="Comments and placeholders in the thread, over all pages.")
    limit: int
    offset: int
    items: list[Comment]


class Index(Schema):
    dialogues: str
    events: str
    questionnaires: str
    openapi: str
    open_data: str


class RegistrationCounts(Schema):
    confirmed: int = Field(description="People with a place.")
    waitlisted: int = Field(description="People on the waiting list.")


class EventSession(Schema):
    id: int
    label: str = Field(description="The session's name on its page, e.g. 'Slot 1'; may be empty.")
    starts_at: datetime = Field(description="Start, in UTC.")
    ends_at: datetime = Field(description="End, in UTC.")
    time_zone: str = Field(description="IANA zone the organisers give times in, e.g. Europe/Kyiv.")
    mode: Literal["online", "in_person", "hybrid"]
    address: Optional[str] = Field(None, description="Where it takes place, when the address is public.")
    capacity: Optional[int] = Field(None, description="Places; null for no limit.")
    places_left: Optional[int] = Field(None, description="Places not taken yet; null for no limit.")
    registration_open: bool = Field(description="Whether a signed-in citizen may register now.")
    cancelled: bool
    registrations: RegistrationCounts


class Event(Schema):
    id: int = Field(description="The event or country-edition page in the default language; sessions belong to it.")
    title: str
    language: str = Field(description="Language of the title: the one asked for, or the source when not translated.")
    url: str = Field(description="The event's page on the site.")
    calendar_url: str = Field(description="The event's iCalendar feed.")
    sessions: list[EventSession] = Field(description="Earliest first.")


class EventPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[Event]


QuestionType = Literal["single", "multiple", "scale", "matrix", "ranking", "number", "short_text", "long_text"]


class QuestionnaireLinks(Schema):
    detail: str
    results: Optional[str] = Field(None, description="The aggregates, once the results are published.")
    responses_csv: Optional[str] = Field(None, description="The anonymised responses (open data), once the results are published.")
    aggregates_csv: Optional[str] = Field(None, description="The aggregates as CSV (open data), once the results are published.")


class Questionnaire(Schema):
    id: int = Field(description="The questionnaire in the default language; answers in every language count on it.")
    title: str
    language: str = Field(description="Language of the texts: the one asked for, or the default when not translated.")
    dialogue_id: int
    opens_at: Optional[datetime] = None
    closes_at: Optional[datetime] = None
    results_published: bool
    links: QuestionnaireLinks


class QuestionnairePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[Questionnaire]


class QuestionOption(Schema):
    key: str = Field(description="The option's identity, the same in every language (a matrix: its row).")
    label: str


class Scale(Schema):
    min: int
    max: int
    min_label: str = Field(description="Label of the lowest value; may be empty.")
    max_label: str = Field(description="Label of the highest value; may be empty.")


class NumberRange(Schema):
    min: Optional[float] = None
    max: Optional[float] = None


class Condition(Schema):
    question: str = Field(description="Key of the earlier question.")
    option: str = Field(description="Key of the option that must have been chosen.")


class QuestionnaireQuestion(Schema):
    key: str = Field(description="The question's identity, the same in every language.")
    type: QuestionType
    text: str
    help_text: str
    required: bool
    max_choices: Optional[int] = Field(None, description="Multiple choice: the most options one may choose; null for no limit.")
    scale: Optional[Scale] = Field(None, description="Scale and matrix: the values offered.")
    number: Optional[NumberRange] = Field(None, description="Number: the range accepted.")
    show_if: Optional[Condition] = Field(None, description="Asked only to those who chose this option.")
    options: list[QuestionOption] = Field(description="Choices, ranked options or matrix rows, in order.")


class QuestionnaireSection(Schema):
    key: str
    title: str
    intro: str
    questions: list[QuestionnaireQuestion]


class QuestionnaireDetail(Questionnaire):
    intro: str
    sections: list[QuestionnaireSection]


class Share(Schema):
    key: str = Field(description="Option key, or the scale value.")
    label: str
    count: int = Field(description="Pooled count in the breakdown (a ranking: how many ranked it first).")
    percent: float = Field(description="Of those who answered; in a global figure of mean of countries, the mean of the countries' percentages.")


class Rank(Schema):
    key: str
    label: str
    mean_rank: Optional[float] = Field(None, description="1 is first; null if nobody ranked it.")


class Figures(Schema):
    n: int = Field(description="Respondents in the breakdown.")
    answered: int
    no_answer: int
    shares: list[Share] = Field(description="Options, scale values, or first choices of a ranking; empty for text and number.")
    mean: Optional[float] = None
    spread: Optional[float] = Field(None, description="Standard deviation.")
    ranks: list[Rank] = Field(description="Ranking: options by mean rank, best first.")


class CountryFigures(Figures):
    country: str = Field(description="ISO 3166 code; empty for respondents whose country is not known.")


class MatrixRow(Schema):
    key: str
    label: str
    overall: Figures
    by_country: list[CountryFigures]


class QuestionResults(Schema):
    key: str
    type: QuestionType
    text: str
    overall: Optional[Figures] = Field(None, description="Null when fewer than 5 people answered it.")
    by_country: list[CountryFigures] = Field(description="Countries shown; those with fewer than 5 answers are left out.")
    rows: list[MatrixRow] = Field(description="Matrix: each row's figures.")


class Country(Schema):
    code: str
    name: str
    n: int


class ResultFilters(Schema):
    countries: list[str]
    session_date: Optional[date] = None
    language: Optional[str] = None


class FilterChoices(Schema):
    countries: list[str]
    session_dates: list[date]
    languages: list[str]


class QuestionnaireResults(Schema):
    id: int
    title: str
    language: str
    global_figure: Literal["pooled", "countries"] = Field(
        description="pooled: every respondent counts the same; countries: the mean of the countries shown, every country counts the same."
    )
    global_figure_label: str
    filters: ResultFilters
    suppressed: bool = Field(description="The view holds fewer than 5 respondents: nothing is shown.")
    n: int
    paper: int = Field(description="Paper questionnaires among them (0 when fewer than 5).")
    countries: list[Country] = Field(description="Countries shown, by name.")
    hidden_countries: int = Field(description="Countries left out because too few answered there.")
    choices: FilterChoices = Field(description="What the filters may take: each with at least 5 respondents.")
    questions: list[QuestionResults]
