package plans

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/coach-dev/coach/skills"
)

// AgendaInput is everything a week's agenda is computed from.
type AgendaInput struct {
	Plan   *Plan
	Matrix *skills.Matrix
	Config skills.Config
	Person *skills.Person
	// History is the person's committed changes, any order.
	History []skills.Change
	Week    Week
	// Previous is the most recent earlier agenda of this person, if any.
	Previous *PreviousAgenda
	// Asked are the people whose feedback was asked of this person, with
	// the day it was asked, for this week's 1:1.
	Asked []FeedbackAsk
	// Peers are the people with the person's manager and role: those a
	// calibration of ratings is held with.
	Peers []Who
	// Ready are the people two levels below the person whose plans say
	// ready now for their next role (see ReadyReport).
	Ready []ReadyReport
	// Taken are the ideas to try of the week of the teammates before the
	// person, by id, each as TryKey says it: while there is another, the
	// person is not handed the same one (cold read 10, finding 11).
	Taken []string
	// TakenAsks are the questions of the week of the teammates before the
	// person, by id, each as AskKey says it: the check-in, the question of
	// the week, the opening of a difference of view and the feedback
	// prompts are chosen, while there is another, among those none of them
	// has (cold read 10: one question for several people in one week).
	TakenAsks []string
	// Team are the ids of everyone in the repository on the day, any
	// order: the person's seat among them turns their week's steps from a
	// place of their own (see teamSeat).
	Team []string
	// Names are the names of everyone in the repository on the day, any
	// order: a first name two people share is said in full (see
	// FirstName), and a name in the notes is someone else's.
	Names []string
	// Later is the evidence of the person's file today that was written
	// down after the 1:1's day, for an agenda read as of that day, and is
	// dated on or before it: an onboarding item it shows done, as the plan
	// ticks it, was done by the 1:1 and is not asked about (cold read 18,
	// finding 14).
	Later []skills.Evidence
}

// TryKey is an idea to try without the person's own words: the first
// two words it has that are not in the person's goals, not numbers and
// not small words. Two people's ideas of one key are one sentence of the
// matrix or the agenda with different goals in it.
func TryKey(p *skills.Person, text string) string {
	own := map[string]bool{}
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' })
	}
	for _, g := range p.Goals {
		for _, w := range split(g.Text) {
			own[w] = true
		}
	}
	var key []string
	for _, w := range split(text) {
		if own[w] || keySmall[w] {
			continue
		}
		if key = append(key, w); len(key) == 2 {
			break
		}
	}
	return strings.Join(key, " ")
}

var keySmall = map[string]bool{"a": true, "an": true, "the": true, "of": true, "on": true, "to": true, "in": true,
	"and": true, "with": true, "it": true, "its": true, "your": true, "for": true, "by": true, "before": true, "our": true, "that": true}

// AskKey is a question without the person's own words: its words in
// lower case, with what it quotes, its numbers, the person's name and
// what their goals are about left out. Two people's questions of one key
// are one sentence with their goal or ratings in it.
func AskKey(p *skills.Person, text string) string {
	text = quoted.ReplaceAllString(text, "")
	for _, g := range p.Goals {
		if obj := the(parseGoal(g.Text).Object); obj != "" {
			text = strings.ReplaceAll(text, obj, "")
		}
	}
	text = strings.ReplaceAll(text, firstName(p), "")
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' })
	return strings.Join(words, " ")
}

// AskKeys are the keys of the agenda's questions of the week (see
// AskKey): its check-in, question of the week, difference of view and
// feedback prompts.
func (a *Agenda) AskKeys() []string { return a.askKeys }

// TryKey is the key of the agenda's idea to try (see TryKey); "" when it
// has none.
func (a *Agenda) TryKey() string { return a.tryKey }

// teamSeat is the person's place in the team, by id: the same whichever
// command builds the agenda, one agenda or all of them. Without a team,
// a stable number from the id.
func teamSeat(in AgendaInput) int {
	ids := slices.Clone(in.Team)
	slices.Sort(ids)
	if i := slices.Index(ids, in.Person.ID); i >= 0 {
		return i
	}
	return offset(in.Person.ID)
}

// ReadyReport is someone two levels below a leader of leaders whose plan
// says ready now: the leader asks their manager, the leader's report,
// where the promotion case stands.
type ReadyReport struct {
	Person  Who
	Manager Who
	Target  string
}

// FeedbackAsk is a request for feedback about a colleague.
type FeedbackAsk struct {
	About Who    `json:"about"`
	Date  string `json:"date"`
}

// PreviousAgenda is an earlier agenda, as written in during its 1:1.
type PreviousAgenda struct {
	Week Week
	// Items are its action items; Topics the items of its "Your topics"
	// section, which the PM wrote before the 1:1.
	Items  []Item
	Topics []Item
	// TryThis is the "try this week" it suggested, if any; TryStarted is
	// set when it was a step to start ("Start this week"), which runs for
	// months.
	TryThis    string
	TryStarted bool
	// Review is the piece of work it asked to bring, if any; Asked the
	// question its prep put to the manager about a commitment, if any.
	Review string
	Asked  string
	// Focus is the name of its focus skill of the week, and FocusWeek how
	// many weeks in a row that skill had been the focus then: the weeks on
	// a skill are counted from the agendas really held.
	Focus     string
	FocusWeek int
	// Question is its question of the week, if any.
	Question string
	// Mentor is whom its focus named to learn MentorSkill from (the skill
	// in lower case, as the line says it), if anyone.
	Mentor, MentorSkill string
	// Notes are the lines written under its "Notes" heading, as written.
	Notes []Markdown
	// Unreadable is set when the file is not text: its items are unknown.
	Unreadable bool
	// Count is how many agendas the person has before this week, this one
	// included: each person's rotation advances by their own agendas, not
	// by the calendar.
	Count int
	// Earlier are the person's agendas before this one within
	// RecentWeeks of the week being written, most recent first: what they
	// asked and suggested is not asked again word for word.
	Earlier []*PreviousAgenda
	// Held are the person's readable agendas before this one within
	// HeldWeeks of the week being written, most recent first: what their
	// notes and ticked items say was discussed and done.
	Held []*PreviousAgenda
}

// HeldWeeks is how far back an agenda reads the notes and ticked items of
// earlier 1:1s: a plan's quarter.
const HeldWeeks = 13

// held is the last agenda and those before it within HeldWeeks, most
// recent first.
func (pv *PreviousAgenda) held() []*PreviousAgenda {
	if pv == nil {
		return nil
	}
	return append([]*PreviousAgenda{pv}, pv.Held...)
}

// recent is what the agendas within RecentWeeks before this one said in
// one place (read by field): the last agenda's first.
func recent(pv *PreviousAgenda, field func(*PreviousAgenda) string) []string {
	if pv == nil {
		return nil
	}
	var out []string
	for _, a := range append([]*PreviousAgenda{pv}, pv.Earlier...) {
		if s := field(a); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// RecentWeeks is how far back an agenda looks so as not to repeat a
// question of the week, an idea to try or a prep question word for word.
const RecentWeeks = 3

// Item is a task-list item ("- [ ] text") of an agenda, with its nested items.
type Item struct {
	Text  Markdown `json:"text"`
	Done  bool     `json:"done"`
	Since string   `json:"since,omitempty"` // the week it was first written, when carried
	// SinceDay is the day of the 1:1 of Since, in words ("17 November"):
	// what the agenda says, where Since is the key it is read back by.
	SinceDay string `json:"since_day,omitempty"`
	Children []Item `json:"children,omitempty"`
	// Noted is, for a topic, the line of the notes of a 1:1 since it was
	// raised that talks about it, and NotedOn that 1:1's day in words (see
	// discussedTopics).
	Noted   Markdown `json:"noted,omitempty"`
	NotedOn string   `json:"noted_on,omitempty"`
	// NotedYou is set when Noted spoke of the person and is said to them
	// ("you want the council seat…"): it is no quote.
	NotedYou bool `json:"noted_you,omitempty"`
}

// Markdown is text read from a Markdown file, as it was written there: an
// action item that a person wrote in an agenda. Templates print it as it
// is, where they escape text from a skill file, so that an item carried
// from week to week stays the same.
type Markdown string

// Markdown returns the text as it was written.
func (m Markdown) Markdown() string { return string(m) }

// Agenda is one week's 1:1 agenda.
type Agenda struct {
	Person  Who     `json:"person"`
	Role    RoleRef `json:"role"`
	Week    string  `json:"week"`
	Date    string  `json:"date"`
	CheckIn string  `json:"check_in"`
	// Since is the start of "since last time": the previous agenda's 1:1,
	// or four weeks back when there is none.
	Since string `json:"since"`
	// SinceDay is Since in words.
	SinceDay string `json:"since_day"`
	// LastDay is the day of the last 1:1 in words, when there was one.
	LastDay string `json:"last_day,omitempty"`
	// LastGap is how long ago the last 1:1 was, in words ("ten weeks"),
	// set only when it is more than three weeks back: the header then asks
	// to start with what happened since.
	LastGap     string `json:"last_gap,omitempty"`
	FirstAgenda bool   `json:"first_agenda"`
	// Previous is the week of the last agenda, and PreviousUnreadable is
	// set when its items could not be read.
	Previous           string         `json:"previous,omitempty"`
	PreviousUnreadable bool           `json:"previous_unreadable,omitempty"`
	Changes            []AgendaChange `json:"changes"`
	// ChangesLeft counts the changes past MaxChanges, left out.
	ChangesLeft int `json:"changes_left,omitempty"`
	// GoalsDue are the goals past their date or due within two weeks of
	// the 1:1: each stays on every agenda until the file changes it.
	GoalsDue []GoalDue `json:"goals_due"`
	Open     []Item    `json:"open"`
	Done     []Item    `json:"done"`
	// Notes are the lines written under "Notes" in the last agenda, at most
	// MaxNotes of them; NotesLeft counts those left out.
	Notes     []Markdown `json:"notes"`
	NotesLeft int        `json:"notes_left,omitempty"`
	// NotesDay is, when the last 1:1 has no notes, the day of the latest
	// one within RecentWeeks that has, whose notes Notes are then.
	NotesDay string     `json:"notes_day,omitempty"`
	Focus    *WeekFocus `json:"focus,omitempty"`
	// FocusWaits says, on the day of the plan's review, that the focus of
	// the week waits for the new plan.
	FocusWaits string `json:"focus_waits,omitempty"`
	// Review is the work to bring this week, one item, rotating.
	Review []string `json:"review"`
	Leader bool     `json:"leader"`
	// Feedback is one prompt each way, rotating.
	Feedback []string `json:"feedback"`
	// Asked are the colleagues the person was asked to write feedback
	// about, in words.
	Asked []string `json:"feedback_asked,omitempty"`
	// FocusSkills are all the plan's focus skills, in rotation order.
	FocusSkills []SkillRef `json:"focus_skills"`
	// Weekday names the day of the 1:1.
	Weekday string `json:"weekday"`
	// Day is the date of the 1:1 in words ("1 December 2026").
	Day string `json:"day"`
	// Target is the role the person is working towards.
	Target RoleRef `json:"target"`
	// FirstName is how the agenda addresses the person.
	FirstName string `json:"first_name"`
	// Number counts this person's agendas: 1 for the first.
	Number int `json:"number"`
	// FollowUp is last time's "try this", to ask about first.
	FollowUp *FollowUp `json:"follow_up,omitempty"`
	// Topics are the PM's topics from last time that were not ticked:
	// carried until they are discussed.
	Topics []Item `json:"topics"`
	// Prep is a short note for the manager: what changed since the last 1:1.
	Prep []string `json:"prep"`
	// Career is set on the person's first 1:1 of a month (by their own
	// agendas), Quarterly (the plan's review) on the first 1:1 on or after
	// the review date, which then holds the longer view instead.
	Career    *Talk `json:"career,omitempty"`
	Quarterly *Talk `json:"quarterly,omitempty"`
	// NextCareer is when the next career conversation is: the first 1:1 of
	// next month, in words ("Tuesday 5 January 2027 (first 1:1 of
	// January)"); NextCareerDay is its day alone.
	NextCareer string `json:"next_career"`
	// Staying says, after NextCareer, that the next career conversation
	// holds the conversation about staying the plan promises; "" when it
	// promises none. Its words turn week by week.
	Staying string `json:"staying,omitempty"`
	// AsOf says, for an agenda read from the repository as it stood on its
	// 1:1's day, that the person's file changed after it (see LaterNote).
	AsOf string `json:"as_of,omitempty"`
	// NextReview is the plan's review date, in words, when it is still ahead.
	NextReview string `json:"next_review,omitempty"`
	// ReviewPrep is set on the last 1:1 before the review.
	ReviewPrep *ReviewPrep `json:"review_prep,omitempty"`
	// Onboarding is set while a new hire is in their first 90 days.
	Onboarding *OnboardingWeek `json:"onboarding,omitempty"`
	// People are what the person owes their own people and needs their
	// manager for, at most MaxPeopleLines lines, each dated.
	People []string `json:"people,omitempty"`
	// Waits says what this agenda leaves for next week, so that it asks at
	// most MaxQuestions questions (see fit).
	Waits string `json:"waits,omitempty"`
	// tryKey is the week's idea to try as TryKey says it, askKeys its
	// questions as AskKey does.
	tryKey  string
	askKeys []string
}

// GoalDue is a goal past its date or due soon, as of the 1:1.
type GoalDue struct {
	Text    string `json:"text"`
	Due     string `json:"due"`
	Overdue bool   `json:"overdue"`
	// When is the date in words and how far it is from the 1:1 ("31
	// October, 4 weeks ago").
	When string `json:"when"`
	// Ask is the question for a goal past its date: a new date the first
	// time, then what is in the way, then a decision on the goal itself, so
	// that no two agendas ask the same thing week after week.
	Ask string `json:"ask,omitempty"`
}

// OnboardingWeek is where a new hire is in their first 90 days: the day
// of the 1:1 counted from their start, and the phase it falls in.
type OnboardingWeek struct {
	Day   int   `json:"day"`
	Phase Phase `json:"phase"`
	// on is the day of the 1:1.
	on time.Time
	// Until is the phase's last day in words; FirstAssessment the day the
	// first assessment of every skill is due, in words.
	Until           string `json:"until,omitempty"`
	FirstAssessment string `json:"first_assessment,omitempty"`
	// Assess says what of the first assessment is still due: the skills
	// with no level yet; "" when every skill has one.
	Assess string `json:"assess,omitempty"`
	// Carried are the items of earlier phases still open; Open this
	// phase's open items, all of them on the phase's first agenda
	// (FirstOfPhase). On its later agendas Ask is the one item to ask about
	// this week, in turn, and Left counts the other open ones. Done counts
	// this phase's items the person's evidence shows done.
	Carried      []string `json:"carried,omitempty"`
	Open         []string `json:"open,omitempty"`
	Ask          string   `json:"ask,omitempty"`
	Left         int      `json:"left,omitempty"`
	Done         int      `json:"done,omitempty"`
	FirstOfPhase bool     `json:"first_of_phase,omitempty"`
	// Buddy is what to bring from the new hire's weekly time with their
	// onboarding buddy, named in their plan, in turn.
	Buddy string `json:"buddy,omitempty"`
	// DaysLeft is how many days of the phase are left after the 1:1.
	DaysLeft int `json:"days_left,omitempty"`
}

// FollowUp is last time's suggestion to try, from the agenda of Week.
type FollowUp struct {
	Week string `json:"week"`
	Text string `json:"text"`
	// Again is set when it is this week's idea to try too; Started when it
	// was work to start, which runs for months: the follow-up asks how far
	// the first step got, not how it went.
	Again   bool `json:"again,omitempty"`
	Started bool `json:"started,omitempty"`
}

// Talk is a conversation on its own cadence: a monthly career conversation
// or a quarterly review, from the plan's data.
type Talk struct {
	Title     string   `json:"title"`
	Intro     string   `json:"intro"`
	Points    []string `json:"points"`
	Questions []string `json:"questions"`
}

// ItemLine is an item flattened for a template, with the indentation its
// nesting needs in Markdown.
type ItemLine struct {
	Indent string
	Item
}

// Lines flattens items and their children, depth first.
func Lines(items []Item) []ItemLine {
	var out []ItemLine
	var walk func([]Item, string)
	walk = func(items []Item, indent string) {
		for _, it := range items {
			out = append(out, ItemLine{Indent: indent, Item: it})
			walk(it.Children, indent+"  ")
		}
	}
	walk(items, "")
	return out
}

// NextCareerDay is the day of the next career conversation, in words.
func (a *Agenda) NextCareerDay() string {
	d, _, _ := strings.Cut(a.NextCareer, " (first 1:1 of")
	return d
}

// LateGoals are the goals past their date; SoonGoals those due within two
// weeks.
func (a *Agenda) LateGoals() []GoalDue { return goalsWhere(a.GoalsDue, true) }

// SoonGoals are the goals due within two weeks of the 1:1.
func (a *Agenda) SoonGoals() []GoalDue { return goalsWhere(a.GoalsDue, false) }

func goalsWhere(gs []GoalDue, overdue bool) []GoalDue {
	var out []GoalDue
	for _, g := range gs {
		if g.Overdue == overdue {
			out = append(out, g)
		}
	}
	return out
}

// OpenLines are the carried-over items, flattened.
func (a *Agenda) OpenLines() []ItemLine { return Lines(a.Open) }

// DoneLines are the items done since last time, flattened.
func (a *Agenda) DoneLines() []ItemLine { return Lines(a.Done) }

// AgendaChange is a change to the skill file since the last 1:1, in words.
type AgendaChange struct {
	Date string `json:"date"`
	// When is the date in words.
	When string `json:"when"`
	Text string `json:"text"`
	// Baseline is set on a commit that starts the file or reassesses most
	// skills at once: a starting point, not growth.
	Baseline bool `json:"baseline,omitempty"`
	// Setback is set on evidence that records something going wrong.
	Setback bool `json:"setback,omitempty"`
	// Skill is the skill an evidence entry is about.
	Skill string `json:"-"`
	// Kind is the kind of change: only a level's change moves a skill up
	// or down, whatever an evidence entry's own words say.
	Kind skills.Kind `json:"-"`
	// Raised are the names of the skills a line of one commit's raises
	// moves up a level.
	Raised []string `json:"-"`
	// raisedIDs are the ids of Raised, and raisedFrom the level they all
	// moved from (0 when not all the same); unbacked is set when the plan
	// counts these raises at their earlier levels (see unbackedRaises).
	raisedIDs  []string
	raisedFrom int
	unbacked   bool
	// baseline is the kind of baseline a Baseline line names (see
	// [Baseline]), "onboarded" for the first assessment after onboarding.
	baseline string
}

// WeekFocus is the focus skill of the week.
type WeekFocus struct {
	SkillRef
	Level    LevelText `json:"level"`
	Next     LevelText `json:"next"`
	Action   *Action   `json:"action,omitempty"`
	Question string    `json:"question"`
	// Why says in plain words why the skill matters now, from the person's
	// goals, evidence and role; Ask opens a disagreement between their
	// rating and the manager's with one question.
	Why string `json:"why"`
	Ask string `json:"ask,omitempty"`
	// NextInAction is set when this week's action or last week's quotes
	// the next level's descriptor, which is then not written again; Reentry
	// when the person is back from leave, whose plan asks for no next level
	// before the next review: it is not written either.
	NextInAction bool `json:"-"`
	Reentry      bool `json:"-"`
	// Weeks is how many weeks in a row the rotation holds this skill (0
	// when the plan has one focus skill); Of is which week in a row this
	// one is, counted from the person's own agendas.
	Weeks, Of int `json:"-"`
	// Goal is the person's goal this week's idea to try is a step of.
	Goal *skills.Goal `json:"-"`
	// Long is set when this week's idea is a matrix action that runs for
	// months: it is started this week, not done in it.
	Long bool `json:"-"`
	// LateStart is the day the plan's checkpoint had this week's step
	// started by, in words, when that day is past: the step is not
	// handed out as new, and what would show it is sized to the time left
	// before the review (cold read 14, finding 4).
	LateStart string `json:"-"`
	// For someone below their own role's bar on this skill: Support is what
	// the manager does to help, from the person's file, and Bar the level
	// the role asks for and the date it is looked at again.
	Support string `json:"support,omitempty"`
	Bar     string `json:"bar,omitempty"`
	// Assess is set for a skill with no level yet: it is assessed first,
	// from the person's own work on it, and no first level is aimed at.
	Assess string `json:"assess,omitempty"`
	// Item is an action item still open from an earlier 1:1 that is work
	// on this skill: it names the person a goal of theirs on the skill is
	// with, or the goal's own compound word ("renewal-flow").
	Item *FocusItem `json:"item,omitempty"`
}

// FocusItem is an open action item the week's focus starts from, and how
// it is linked to the skill, in words.
type FocusItem struct {
	Text Markdown `json:"text"`
	Link string   `json:"link"`
}

// focusItem is the first of the open action items (depth first) that is
// work on the focus skill f: it names the counterpart of one of the
// person's goals on the skill (open, or done in the plan period), or a
// hyphenated word of that goal. nil when none is.
func focusItem(p *skills.Person, f *WeekFocus, open []Item, day time.Time) *FocusItem {
	if f == nil {
		return nil
	}
	type key struct {
		who, word string
		g         skills.Goal
	}
	var keys []key
	for _, g := range p.Goals {
		if !slices.Contains(g.Skills, f.ID) || g.Text == "" {
			continue
		}
		if !g.Open() && (g.Done.IsZero() || !p.PlanStart.IsZero() && g.Done.Before(p.PlanStart)) {
			continue
		}
		if who := counterpart(g.Text); who != "" {
			keys = append(keys, key{who: who, g: g})
		}
		for _, w := range strings.Fields(g.Text) {
			if w = strings.Trim(w, ".,;:()“”\"'"); strings.Count(w, "-") == 1 && !strings.HasPrefix(w, "-") && !strings.HasSuffix(w, "-") {
				keys = append(keys, key{word: strings.ToLower(w), g: g})
			}
		}
	}
	var found *FocusItem
	var walk func([]Item)
	walk = func(items []Item) {
		for _, it := range items {
			if found != nil {
				return
			}
			words := strings.FieldsFunc(string(it.Text), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
			has := func(run string) bool {
				rw := strings.Fields(run)
				for i := 0; i+len(rw) <= len(words); i++ {
					if strings.EqualFold(strings.Join(words[i:i+len(rw)], " "), run) {
						return true
					}
				}
				return false
			}
			for _, k := range keys {
				since := ""
				if it.Since != "" {
					since = " (open since " + it.SinceDay + ")"
				}
				switch {
				case k.who != "" && has(k.who) && !k.g.Open():
					// Work with someone the person's goal already did: the
					// item finishes that step, and is no step of the level
					// being reached (cold read 17, finding 8).
					found = &FocusItem{Text: it.Text, Link: fmt.Sprintf("%s finishes the work with %s you did on %s: close it, and give this week to the new step.", since, k.who, longDate(k.g.Done, day))}
				case k.who != "" && has(k.who):
					found = &FocusItem{Text: it.Text, Link: fmt.Sprintf("%s is this work with %s: close it first, before our next 1:1.", since, k.who)}
				case k.word != "" && has(k.word) && k.g.Open():
					found = &FocusItem{Text: it.Text, Link: fmt.Sprintf("%s is a step of your goal “%s”: close it first, before our next 1:1.", since, k.g.Text)}
				}
				if found != nil {
					return
				}
			}
			walk(it.Children)
		}
	}
	walk(open)
	return found
}

// checkIns are asked in turn, one a week.
var checkIns = []string{
	"What has taken most of your energy since we last spoke, and was it the work that matters most?",
	"What are you proud of from the last week, however small?",
	"Where are you stuck, and what have you already tried?",
	"Which working relationship needs attention right now?",
	"What decision are you putting off, and what would make it easier?",
	"From one to ten, how sustainable is your pace? What would move it up one point?",
	"What did a customer teach you recently?",
	"What could I take off your plate, or stop asking of you?",
	"What surprised you this week?",
	"If you started this week again, what would you do differently?",
	"Who on the team deserves recognition they have not had yet?",
	"What have you learned this month that you did not know before?",
	"Which meeting this week was worth the time, and which was not?",
	"What is one thing you would like more of in your work right now?",
	"Who helped you this week, and do they know it?",
	"What are you looking forward to in the next two weeks?",
	"What would you change about how the team works, if it were only up to you?",
	"Where did you spend time this week that you would rather have spent elsewhere?",
}

// BuildAgenda computes the agenda of in.Person for in.Week.
func BuildAgenda(in AgendaInput) *Agenda {
	if len(in.Plan.handOver) > 0 {
		// A goal that waits on the manager's overdue hand-over is not the
		// person's to chase: no goal due, work review or week's step on
		// it; the manager's prep says whose move it is (see prep).
		q := *in.Person
		q.Goals = slices.DeleteFunc(slices.Clone(q.Goals), func(g skills.Goal) bool {
			_, ok := in.Plan.handOver[g.Text]
			return ok && g.Open()
		})
		in.Person = &q
	}
	m, p, pl := in.Matrix, in.Person, in.Plan
	day := in.Week.Day(in.Config.Agenda.WeekdayValue())
	a := &Agenda{
		Person: pl.Person, Role: pl.Role, Target: pl.Target, Week: in.Week.String(), Date: date(day),
		Weekday: day.Weekday().String(), Day: longDate(day, time.Time{}),
	}
	// In turn, from a place of the person's own, and passing over a
	// check-in a teammate before them has this week.
	taken := func(q string) bool { return slices.Contains(in.TakenAsks, AskKey(p, q)) }
	ci := in.Week.index() + offset(p.ID)
	a.CheckIn = checkIns[mod(ci, len(checkIns))]
	for k := range checkIns {
		if q := checkIns[mod(ci+k, len(checkIns))]; !taken(q) {
			a.CheckIn = q
			break
		}
	}
	// Changes are counted after the day of the last 1:1 (so a change made
	// that day is in exactly one agenda), or over the four weeks before the
	// first agenda.
	since, after := day.AddDate(0, 0, -28), day.AddDate(0, 0, -29)
	if in.Previous != nil {
		since = in.Previous.Week.Day(in.Config.Agenda.WeekdayValue())
		after = since
	} else {
		a.FirstAgenda = true
	}
	a.Since, a.SinceDay = date(since), longDate(since, day)
	a.Changes = sinceLastTime(m, p, pl.Person.ManagerName, in.History, endOfDay(after), day)
	for i, c := range a.Changes {
		if c.baseline == "onboarded" && assessmentLate(pl) > 0 {
			// Late, as the plan's verdict and the review say it.
			a.Changes[i].Text = strings.Replace(c.Text, " since onboarding set ", " since onboarding, late, set ", 1)
		}
	}
	unbackedChanges(m, pl, a.Changes)
	loweredChanges(m, pl, a.Changes)
	if len(a.Changes) > MaxChanges {
		a.Changes, a.ChangesLeft = a.Changes[:MaxChanges], len(a.Changes)-MaxChanges
	}
	var prevDay time.Time
	if in.Previous != nil {
		prevDay = since
	}
	a.GoalsDue = goalsDue(p, day, prevDay, in.Plan.waitedOn)
	count := 0
	if in.Previous != nil {
		count = max(in.Previous.Count, 1)
		pw := in.Previous.Week.String()
		a.LastDay = longDate(since, day)
		a.LastGap = lastGap(since, day)
		a.Previous, a.PreviousUnreadable = pw, in.Previous.Unreadable
		a.Open, a.Done = carry(in.Previous.Items, pw)
		a.Topics, _ = carry(in.Previous.Topics, pw)
		sinceDays(a.Open, in.Config.Agenda.WeekdayValue(), day)
		sinceDays(a.Topics, in.Config.Agenda.WeekdayValue(), day)
		discussedTopics(a.Topics, in.Previous, in.Config.Agenda.WeekdayValue(), day)
		if t := in.Previous.TryThis; t != "" {
			a.FollowUp = &FollowUp{Week: pw, Text: ShortTry(t), Started: in.Previous.TryStarted}
		}
		a.Notes = in.Previous.Notes
		if len(a.Notes) == 0 {
			// A 1:1 with no notes does not make the last ones go away: what
			// they say is still where that work stands (cold read 20: a
			// new hire's notes gone the week after they were quoted).
			for _, e := range in.Previous.Earlier {
				if !e.Unreadable && len(e.Notes) > 0 {
					a.Notes, a.NotesDay = e.Notes, longDate(e.Week.Day(in.Config.Agenda.WeekdayValue()), day)
					break
				}
			}
		}
		if len(a.Notes) > MaxNotes {
			a.Notes, a.NotesLeft = a.Notes[:MaxNotes], len(a.Notes)-MaxNotes
		}
		// The notes are said to the person where they speak of them (see
		// noteToYou), and so is a topic's note.
		a.Notes = slices.Clone(a.Notes)
		turned := false
		for i, l := range a.Notes {
			if s, ok := noteToYou(string(l), p); ok {
				a.Notes[i], turned = Markdown(s), true
			} else if turned {
				a.Notes[i] = Markdown(laterToYou(string(l), p, in.Names))
			}
			a.Notes[i] = Markdown(unquote(string(a.Notes[i])))
		}
		for i, t := range a.Topics {
			if s, ok := noteToYou(string(t.Noted), p); ok {
				a.Topics[i].Noted, a.Topics[i].NotedYou = Markdown(lowerFirst(s)), true
			}
		}
	}
	a.Number = count + 1
	a.FirstName = firstName(p)
	for _, n := range in.Names {
		if n != p.Name && firstWord(n) == a.FirstName {
			a.FirstName = p.Name // a first name shared with someone else, the manager too, is said in full
			break
		}
	}
	for _, f := range pl.Focus {
		a.FocusSkills = append(a.FocusSkills, f.SkillRef)
	}
	// The plan's review falls on the first 1:1 on or after its date. That
	// 1:1 holds the review alone: no focus of the week, and no step to try
	// beside it; the next focus starts once the new plan is written (cold
	// read 17, finding 12: three meetings' worth in one).
	review, _ := time.Parse(time.DateOnly, pl.NextReview)
	reviewDay := !review.IsZero() && review.After(endOfDay(after)) && !review.After(day)
	if !reviewDay {
		a.Focus = weekFocus(in, count, day, a.Changes)
	} else if len(pl.Focus) > 0 {
		a.FocusWaits = "No focus of the week today: the review is the work, and the next focus starts once the new plan is written."
	}
	if a.Focus != nil && a.Focus.Action != nil {
		a.tryKey = TryKey(p, a.Focus.Action.Text)
		a.Focus.Item = focusItem(p, a.Focus, a.Open, day)
	}
	if f := a.Focus; f != nil && f.Action != nil {
		if a.FollowUp != nil && in.Previous.TryThis == f.Action.Text {
			a.FollowUp.Again = true
		}
	}
	// Evidence that last time's idea or this week's quotes is quoted there
	// only.
	for i, c := range a.Changes {
		head, q, ok := strings.Cut(c.Text, ": “")
		if q = strings.TrimSuffix(q, "”"); !ok || q == "" || !c.Setback && !strings.HasPrefix(c.Text, "Evidence on ") {
			continue // a goal's title may be named again; evidence is quoted once
		}
		switch {
		case a.FollowUp != nil && !a.FollowUp.Again && quotes(a.FollowUp.Text, q):
			a.Changes[i].Text = head + ", quoted in the follow-up above."
		case a.Focus != nil && a.Focus.Action != nil && quotes(a.Focus.Action.Text, q):
			a.Changes[i].Text = head + ", quoted under the focus of the week."
		}
	}
	a.Onboarding = onboardingWeek(pl, day)
	checklist(a.Onboarding, pl, prevDay, a.Number, in.Later)
	if a.Onboarding != nil && a.Onboarding.Ask != "" {
		a.Onboarding.Ask = askNoted(a.Onboarding.Ask, a.Notes, cmp.Or(a.NotesDay, a.LastDay))
	}
	// The review falls on the first 1:1 on or after its date; the career
	// conversation on the person's first 1:1 of a month, by their own
	// agendas (the calendar decides only for a first agenda).
	first := in.Previous == nil && day.Day() <= 7
	if in.Previous != nil {
		py, pm, _ := since.Date()
		first = py != day.Year() || pm != day.Month()
	}
	// The week before the review, the longer view waits for it: the
	// review is the month's career conversation, one a month.
	reviewNext := !review.IsZero() && review.After(endOfDay(day)) && !review.After(endOfDay(day.AddDate(0, 0, 7)))
	switch {
	case reviewDay:
		a.Quarterly = quarterly(pl, p, day)
	case first && !reviewNext:
		a.Career = career(in, day, a.Focus)
	}
	if a.Career != nil || a.Quarterly != nil {
		a.CheckIn = "" // the longer view is the check-in of the month
	}
	// The plan dates its review; the 1:1 that holds it is the first on or
	// after that date. Once the review is near, the agenda says both, so
	// that the header, the prep and the career conversation name one day.
	meeting := reviewMeeting(review, in.Config.Agenda.WeekdayValue())
	if review.After(day) {
		a.NextReview = longDate(review, day)
		switch {
		case !meeting.Equal(review) && reviewNext:
			a.NextReview += ", held at our next 1:1"
		case !meeting.Equal(review) && !review.After(day.AddDate(0, 0, 28)):
			a.NextReview += fmt.Sprintf(", held at our 1:1 of %s %s", meeting.Weekday(), longDate(meeting, day))
		}
	}
	if a.ReviewPrep = reviewPrep(m, p, day, review); a.ReviewPrep != nil {
		a.ReviewPrep.Date = longDate(meeting, day)
	}
	next := firstWeekday(day, in.Config.Agenda.WeekdayValue())
	a.NextCareer = fmt.Sprintf("%s %s (first 1:1 of %s)", next.Weekday(), longDate(next, day), next.Month())
	if reviewNext {
		next = day.AddDate(0, 0, 7)
		a.NextCareer = fmt.Sprintf("%s %s, with the plan's review", next.Weekday(), longDate(next, day))
		if due, ok := missedCareer(in, day); ok && first {
			// Held with the review, the one that was missed is still said
			// (cold read 20b, finding 13).
			a.NextCareer += fmt.Sprintf("; the one due on %s %s did not happen", due.Weekday(), longDate(due, day))
		}
	}
	// The conversation about staying the plan promises is held at the next
	// career conversation, and the agendas before it say when (cold read
	// 7, finding 7).
	if staysTalk(pl) {
		// Said in the person's terms, as their plan says it: what they need
		// while the promotion round comes, never the manager's worry
		// (cold read 19, finding 20).
		a.Staying = [...]string{": the promotion round and what you need from me meanwhile", ": what you need from me while the promotion round comes"}[mod(a.Number-1, 2)]
	}
	a.Leader = isLeader(m, p.Role)
	lastReview := ""
	if in.Previous != nil {
		lastReview = in.Previous.Review
	}
	started := func(g skills.Goal) bool { return goalStarted(p, in.History, g, day) }
	a.Review = []string{workReview(p, a.Leader, a.Number, day, a.Focus, lastReview, started)}
	fg := focusGoal(a.Focus)
	stepped := in.Previous != nil && in.Previous.TryThis != "" && a.Focus != nil && in.Previous.Focus == a.Focus.Name
	a.Feedback = feedbackPrompts(p.ID, a.FirstName, a.Number, a.Focus, fg, fg == "" || started(*a.Focus.Goal), stepped, taken)
	if f := a.Focus; f != nil && len(pl.Current.Below) > 0 && slices.ContainsFunc(pl.Focus, func(x Focus) bool { return x.ID == f.ID && x.BelowRole }) {
		support(a, pl, p, in.Previous, day, review)
	}
	if f := a.Focus; f != nil && f.Support == "" {
		for _, m := range pl.Mentors {
			if was := mentorBefore(in.Previous, lowerFirst(f.Name)); m.Skill.ID == f.ID && m.Person.Name != "" && was != "" && was != m.Person.Name {
				f.Support = mentorChange(pl, in.Previous, lowerFirst(f.Name), m.Person.Name, was)
			}
		}
	}
	if a.Onboarding != nil {
		// A new hire's agenda is short: the onboarding item of the week,
		// one question (the focus's), and the buddy; no check-in, work
		// review or feedback besides.
		a.CheckIn, a.Review, a.Feedback = "", nil, nil
	}
	fit(a, len(pl.Current.Below) > 0)
	for _, ask := range in.Asked {
		d, err := time.Parse(time.DateOnly, ask.Date)
		when := ask.Date
		if err == nil {
			when = longDate(d, day)
		}
		first := firstName(&skills.Person{ID: ask.About.ID, Name: ask.About.Name})
		readers := "the managers"
		if in.Config.Feedback.ShareWithPerson {
			readers += " and " + first
		}
		a.Asked = append(a.Asked, fmt.Sprintf("Write your feedback on %s, asked for on %s: what %s does well, one thing to change, and the work you saw it in. Only %s can read it.",
			ask.About.Name, when, first, readers))
	}
	a.People = yourPeople(pl, day, a.Number-1)
	for _, r := range in.Ready {
		// Once a month, at the career conversation, or at a first 1:1: a
		// promotion case moves by the round, not by the week.
		if (a.Career != nil || in.Previous == nil) && len(a.People) < MaxPeopleLines+1 {
			first := firstName(&skills.Person{ID: r.Person.ID, Name: r.Person.Name})
			a.People = append(a.People, fmt.Sprintf("%s's plan says ready now for %s: ask %s where %s's promotion case stands and what it still needs from you, so that it is ready for the next round.",
				r.Person.Name, r.Target, r.Manager.Name, first))
		}
	}
	calibrationReview(a, p, in, day)
	a.Prep = prep(in, a, review, after)
	asks := append([]string{a.CheckIn}, a.Feedback...)
	if f := a.Focus; f != nil {
		asks = append(asks, f.Question, f.Ask)
	}
	for _, q := range asks {
		if q != "" {
			a.askKeys = append(a.askKeys, AskKey(p, q))
		}
	}
	return a
}

// MaxQuestions is how many questions an agenda asks the person: the rest
// waits for next week, said in one line.
const MaxQuestions = 5

// questions counts the questions an agenda asks the person.
func questions(a *Agenda) int {
	n := len(a.LateGoals()) + len(a.Review) + len(a.Feedback)
	if a.FollowUp != nil {
		n++
	}
	if len(a.SoonGoals()) > 0 {
		n++
	}
	if a.CheckIn != "" {
		n++
	}
	if f := a.Focus; f != nil {
		if f.Of == 1 && f.Ask != "" {
			n++
		}
		if f.Question != "" {
			n++
		}
	}
	for _, t := range []*Talk{a.Career, a.Quarterly} {
		if t != nil {
			n += len(t.Questions)
			for _, p := range t.Points {
				if strings.HasSuffix(p, "?") {
					n++
				}
			}
		}
	}
	return n
}

// fit keeps an agenda to MaxQuestions questions: feedback both ways or
// the work review waits for next week first (in turn, by the person's own
// agendas, so that neither waits two weeks running while the other can),
// then the question of the week when a difference of view opens the focus
// already, then the career conversation's second question and its
// difference of view, and only then the other of the two. For someone
// below their own role's bar (below) the agenda holds one topic: the work
// review waits whatever the count.
func fit(a *Agenda, below bool) {
	var waits []string
	review := func() bool {
		if len(a.Review) == 0 {
			return false
		}
		waits = append(waits, a.Review[0])
		a.Review = nil
		return true
	}
	feedback := func() bool {
		if len(a.Feedback) == 0 {
			return false
		}
		// Feedback both ways is asked every week: that it waits is
		// bookkeeping, nothing the person would act on, and goes unsaid.
		a.Feedback = nil
		return true
	}
	if below {
		a.Review = nil // one topic: the skill below the bar, not a work review that waits
	}
	first, last := feedback, review
	if a.Number%2 == 0 {
		first, last = review, feedback
	}
	steps := []func() bool{first,
		func() bool {
			if f := a.Focus; f != nil && f.Of == 1 && f.Ask != "" && f.Question != "" {
				f.Question = ""
				return true
			}
			return false
		},
		func() bool {
			if t := a.Career; t != nil && len(t.Questions) > 1 {
				t.Questions = t.Questions[:1]
				return true
			}
			return false
		},
		func() bool {
			if t := a.Career; t != nil && len(t.Points) > 0 && strings.HasSuffix(t.Points[len(t.Points)-1], "?") {
				t.Points = t.Points[:len(t.Points)-1]
				return true
			}
			return false
		},
		last}
	for _, step := range steps {
		if questions(a) <= MaxQuestions {
			break
		}
		step()
	}
	if len(waits) > 0 {
		// The week's own prompt, which turns week by week and with the
		// person's goals, is what waits: never one sentence every week
		// it waits (cold read 13: twenty times in thirteen weeks).
		a.Waits = "The work review moves to next week: " + lowerFirst(waits[0])
		if !strings.HasPrefix(waits[0], "Bring ") {
			a.Waits = "The work review moves to next week: bring the piece of work you most want a second view on."
		}
	}
}

// support fills in, for a focus skill below the person's own role's bar,
// what the manager does to help and by when the bar is looked at again:
// the goal past its date that needs the skill (its obstacles cleared), or
// a mentor the plan names for it, or a fortnightly look at the examples;
// the plan's review date, or eight weeks on, as the date.
func support(a *Agenda, pl *Plan, p *skills.Person, pv *PreviousAgenda, day, review time.Time) {
	f := a.Focus
	// The words turn with the weeks on the skill, so that two weeks on it
	// do not read the same.
	second := f.Of%2 == 0
	skill := lowerFirst(f.Name)
	// A goal past its date is raised under Goals due alone (cold read 7,
	// finding 6): my part here is the skill's.
	if f.Support == "" {
		for _, m := range pl.Mentors {
			if m.Skill.ID == f.ID && m.Person.Name != "" {
				if was := mentorBefore(pv, skill); was != "" && was != m.Person.Name {
					f.Support = mentorChange(pl, pv, skill, m.Person.Name, was)
					break
				}
				// Promised within the plan's first month and that month
				// past, with nothing since that names them: it is late,
				// and said so, not promised again "this month" (cold read
				// 17, finding 11).
				if by := introDue(pl, m.Person.Name); !by.IsZero() && by.Before(day) && !writtenOf(pv, m.Person.Name) {
					f.Support = fmt.Sprintf("The introduction to %s, promised by %s, is late: I book it this week.", m.Person.Name, longDate(by, day))
					break
				}
				f.Support = fmt.Sprintf("My part: an introduction to %s, who does %s well, before our next 1:1.", m.Person.Name, skill)
				if second {
					f.Support = fmt.Sprintf("My part: a first working session for you with %s on %s this month.", m.Person.Name, skill)
				}
				break
			}
		}
	}
	if f.Support == "" {
		f.Support = fmt.Sprintf("My part: at each weekly 1:1, we go through %s with the examples of that week.", skill)
		if second {
			f.Support = fmt.Sprintf("My part: what I see of your %s, I tell you that week, good or not, rather than saving it up.", skill)
		}
	}
	when := review
	if when.IsZero() || !when.After(day) {
		when = day.AddDate(0, 0, 56)
	}
	// We look at it again at the plan's review, whose day the header
	// gives (and the 1:1 that holds it, once near): one day for it in the
	// agenda (cold read 20, point 1).
	f.Bar = fmt.Sprintf("The %s role asks for %s in %s, and we look at it together again on %s.", pl.Role.Name, f.Next.Words(), skill, longDate(when, day))
	if when.Equal(review) {
		f.Bar = fmt.Sprintf("The %s role asks for %s in %s, and we look at it together again at the plan's review.", pl.Role.Name, f.Next.Words(), skill)
	}
	if second {
		f.Bar = fmt.Sprintf("By %s, our review, we want %s at %s.", longDate(when, day), skill, f.Next.Words())
	}
	if returned(pl, p, day) {
		// Back from leave, the plan asks nothing new before the next
		// review: the bar is not restated, and the first week on the skill
		// says so once.
		f.Bar = ""
		if f.Of == 1 {
			f.Bar = fmt.Sprintf("Nothing new is asked of you in %s before our review on %s: getting back into the work comes first.", skill, longDate(when, day))
		}
	}
}

// mentorBefore is whom the last agenda's focus named to learn skill (in
// lower case) from, if it named anyone.
func mentorBefore(pv *PreviousAgenda, skill string) string {
	if pv == nil || pv.MentorSkill != skill {
		return ""
	}
	return pv.Mentor
}

// mentorChange says, once, in the week the plan names another mentor for
// skill than the last agenda did, who it is from now on (cold read 17,
// finding 10: the mentor changed between two weeks without a word). Only
// the mentors the plan names are named (cold read 18, finding 6: a peer an
// earlier plan named, never introduced, was invited to "keep that going"):
// the one before is kept on only when the notes since name them and the
// plan still names them as a mentor of the person; the new one is
// introduced this week unless the notes name them already. One the plan
// no longer names is said to be replaced, in one clause.
func mentorChange(pl *Plan, pv *PreviousAgenda, skill, now, was string) string {
	named := slices.ContainsFunc(pl.Mentors, func(m MentorLink) bool { return m.Person.Name == was }) ||
		slices.ContainsFunc(pl.AlsoMentoredBy, func(l string) bool { return strings.Contains(l, was) })
	switch {
	case named && writtenOf(pv, was):
		return fmt.Sprintf("Your mentor in %s is %s from now on; keep your sessions with %s going too.", skill, now, was)
	case named && writtenOf(pv, now):
		return fmt.Sprintf("Your mentor in %s is %s from now on.", skill, now)
	case named:
		return fmt.Sprintf("Your mentor in %s is %s; I make the introduction this week.", skill, now)
	}
	// The one an earlier agenda offered, now named by no plan of theirs,
	// is said to be replaced in one clause, never asked to carry on (cold
	// read 20: Chloe promised in one week, Nora named the next without a
	// word about Chloe).
	call := firstWord(now)
	if call == firstWord(was) {
		call = now
	}
	if writtenOf(pv, now) {
		return fmt.Sprintf("Your mentor in %s is %s; the plan now names %s instead of %s.", skill, now, call, was)
	}
	return fmt.Sprintf("Your mentor in %s is %s; the plan now names %s instead of %s, and I make the introduction this week.", skill, now, call, was)
}

// focusGoal is the text of the goal the week's idea to try is a step of.
func focusGoal(f *WeekFocus) string {
	if f == nil || f.Goal == nil {
		return ""
	}
	return f.Goal.Text
}

// MaxNotes is how many lines of the last agenda's notes an agenda quotes,
// and MaxChanges how many changes to the file it lists: an agenda fits on
// two screens.
const (
	MaxNotes   = 12
	MaxChanges = 8
)

// firstWeekday is the first weekday of the month after day's.
func firstWeekday(day time.Time, wd time.Weekday) time.Time {
	t := time.Date(day.Year(), day.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	return t.AddDate(0, 0, mod(int(wd)-int(t.Weekday()), 7))
}

// goalsDue are the goals past their date or due within two weeks of day,
// oldest first: each stays on the agenda until the file changes it. last is
// the day of the last 1:1 (zero for a first agenda): a goal already past
// its date then was asked about there, and the question moves on.
//
// A goal a report's goal waits on (waitedOn: the goal's text to the
// report's call name) is never offered to be let go: the report's goal
// would go with it.
func goalsDue(p *skills.Person, day, last time.Time, waitedOn map[string]string) []GoalDue {
	var out []GoalDue
	for _, g := range p.OpenGoals() {
		if g.Due.IsZero() || g.Due.After(day.AddDate(0, 0, 14)) {
			continue
		}
		gd := GoalDue{Text: g.Text, Due: date(g.Due), Overdue: g.Due.Before(day),
			When: longDate(g.Due, day) + ", " + ago(g.Due, day)}
		if gd.Overdue {
			gd.Ask = overdueAsk(g.Due, day, last)
			if w := goalWindow(g.Text); w != "" {
				gd.Ask = windowAsk(w, g.Due, last)
			}
			if who := waitedOn[g.Text]; who != "" && !last.IsZero() && g.Due.Before(last) && int(day.Sub(g.Due).Hours()/24/7) >= 4 {
				gd.Ask = fmt.Sprintf("%s goal waits on this hand-over: agree today the date the work becomes %s.", possessive(who), possessive(who))
			}
		}
		out = append(out, gd)
	}
	slices.SortStableFunc(out, func(a, b GoalDue) int { return strings.Compare(a.Due, b.Due) })
	return out
}

func mod(a, n int) int { return ((a % n) + n) % n }

// offset is a stable number derived from a key, so that people (or a person
// and a skill) start their rotations at different places.
func offset(key string) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % 1024)
}

func firstName(p *skills.Person) string {
	if f, _, _ := strings.Cut(strings.TrimSpace(p.Name), " "); f != "" {
		return f
	}
	return p.ID
}

// isLeader tells leaders (who bring a team or strategy topic) from
// individual contributors (who bring an artifact): the matrix marks the
// roles that lead people with leads = true.
func isLeader(m *skills.Matrix, role string) bool {
	r := m.Role(role)
	return r != nil && r.Leads
}

// weekFocus rotates through the plan's focus skills, weeks_per_focus
// agendas each, starting at the top focus on the person's first agenda and
// advancing by their own count of agendas (idx: how many came before), so
// that a week off does not skip a skill and teammates are not in lockstep.
// The question of the week goes through the skill's bank in order, so that
// none repeats before the bank is used up.
func weekFocus(in AgendaInput, idx int, day time.Time, changes []AgendaChange) *WeekFocus {
	pl := in.Plan
	if len(pl.Focus) == 0 {
		return nil
	}
	per := max(in.Config.Agenda.WeeksPerFocus, 1)
	block := idx / per
	turn := weekTurn(pl.Focus, in.Person.Goals, day)
	f := pl.Focus[turn[mod(block, len(turn))]]
	if pv := in.Previous; pv != nil && len(turn) > 1 && pv.Focus == f.Name && pv.FocusWeek >= per && mod(idx, per) == 0 {
		// A new block never lands on the skill whose weeks the last
		// agendas held already (the turn's skills changed between them):
		// the next skill in turn has its weeks.
		f = pl.Focus[turn[mod(block+1, len(turn))]]
	}
	// How many weeks this skill has been the focus before this one.
	times := (block/len(turn))*per + mod(idx, per)
	s := in.Matrix.Skill(f.ID)
	f.Noted = notedBy(in.History, in.Person, pl.Person.ManagerName, setbackOn(in.Person, f.ID))
	wf := &WeekFocus{SkillRef: f.SkillRef, Level: f.Level, Next: f.Next, Weeks: per, Of: 1}
	if len(pl.Focus) == 1 {
		wf.Weeks = 0 // one focus skill: no rotation to count weeks against
	}
	// The weeks on it are counted from the agendas held: last week's on
	// the same skill, and one.
	if pv := in.Previous; pv != nil && pv.Focus == f.Name && pv.FocusWeek > 0 {
		wf.Of = min(pv.FocusWeek, 1000) + 1
	}
	if s != nil {
		role := in.Matrix.Role(in.Person.Role)
		bank := questionBank(s, f.Next.Value, role != nil && role.Leads)
		if len(bank) == 1 {
			// One question for the level is not asked two weeks running:
			// the other week's is about the person's own work, never one
			// written for a higher role (cold read 8, finding 4).
			bank = append(bank, ownWorkQuestion(habitGoal(in.Person, f)))
		}
		if len(bank) > 0 {
			// A constant offset per person keeps the order (no repeat before
			// the bank is used up) while teammates get different questions.
			// A question asked within RecentWeeks is passed over for the
			// next one not asked, and when the bank has none, for a second
			// question about the person's own work (cold read 9, finding
			// 17): a bank of two turning with a skill of its own would
			// otherwise ask one question every other week.
			//
			// Two passes: the first passes over a question a teammate
			// before the person has this week too, the second takes them
			// as they come (cold read 10: "What does your strategy say
			// no to?" for two people in one week).
			asked := recent(in.Previous, func(a *PreviousAgenda) string { return a.Question })
			start := times + offset(in.Person.ID+"/"+s.ID)
			wf.Question = bank[mod(start, len(bank))]
			ok := func(q string, pass int) bool {
				return !slices.Contains(asked, q) && (pass == 1 || !slices.Contains(in.TakenAsks, AskKey(in.Person, q)))
			}
		pick:
			for pass := range 2 {
				for k := range len(bank) {
					if q := bank[mod(start+k, len(bank))]; ok(q, pass) {
						wf.Question = q
						break pick
					}
				}
				for _, q := range ownWorkAgain(habitGoal(in.Person, f)) {
					if ok(q, pass) {
						wf.Question = q
						break pick
					}
				}
			}
		}
	}
	actions := f.Actions
	if returned(pl, in.Person, day) {
		// Nothing new is asked before the next review: the week's steps
		// and what would show them name no next level.
		f.Next = f.Level
		// A return from leave is re-entry: the person's own goals and
		// setbacks, not the level's stretch actions, when there are any.
		var own []Action
		for _, a := range actions {
			e := setbackOn(in.Person, f.ID)
			if _, g := weeklyTry(a, in.Person, f, day, "", 0); g != nil || e != nil && strings.Contains(a.Text, SetbackClause(e.Text)) {
				own = append(own, a)
			}
		}
		actions = own
		if len(own) == 0 && len(f.Actions) > 0 {
			// No goal or setback of their own on it: the week's step is to
			// catch up, not a stretch.
			actions = []Action{{
				Text:     fmt.Sprintf(weekStep+"catch up with one person you worked with on %s before your leave: what changed while you were away, and what do they need from you now?", lowerFirst(f.Name)),
				Evidence: "Who you met, and the one change you will act on, at our next 1:1.",
			}}
		}
	}
	actions = ownFirst(actions, in.Person, f, day)
	// An idea is taken when a teammate before the person has the same one
	// this week (see AgendaInput.Taken), in other words.
	// A goal's first step is the person's own work, and theirs first
	// whatever a teammate has.
	var firsts []string
	for _, g := range in.Person.OpenGoals() {
		for w := range goalWays {
			firsts = append(firsts, goalStepAt(g, day, setbackOn(in.Person, f.ID), f.Noted, withOthers(f), w))
		}
	}
	mate := func(text string) bool { return slices.Contains(in.Taken, TryKey(in.Person, text)) }
	taken := func(text string) bool { return mate(text) && !slices.Contains(firsts, text) }
	// The skill's own practice at work takes its turn after the plan's
	// actions, so that a second week on the skill is not a shared sentence
	// with a goal's name in it.
	if onboardingWeek(pl, day) != nil || returned(pl, in.Person, day) {
		// A new hire's weeks hold their own goals and the plan's steps for
		// the level of their role, not the matrix's practice or the person
		// to learn from, written for people a level or a team above them
		// (cold read 7, finding 4); back from leave, nothing new is asked,
		// and a new habit is something new (cold read 9, finding 12).
		f.Resources = nil
	}
	f.Resources = weekResources(in.Matrix, in.Person, f)
	h := habit(in.Person, f)
	if h != nil && len(actions) > 0 && !returned(pl, in.Person, day) {
		actions = append(actions, *h)
	}
	// A goal past its date is raised under Goals due alone, where it gets
	// its new date (cold read 7, finding 6): the week's idea to try is
	// another of the skill's, while there is one.
	if rest := slices.DeleteFunc(slices.Clone(actions), func(a Action) bool { return lateGoalIn(in.Person, a.Text, day) }); len(rest) > 0 {
		actions = rest
	}
	// Two passes: the first passes over an idea a teammate before the
	// person has this week too (cold read 10, finding 11), the second
	// takes the ideas as they come, as ever.
	pass := 0
	for k := 0; k < len(actions); k++ {
		a := actions[mod(times+k, len(actions))]
		turn := (times + k) / len(actions) // times this action came round before
		// The plan looks ahead to "the next 1:1"; the agenda is that 1:1.
		a.Text = strings.ReplaceAll(a.Text, " at the next 1:1", " today")
		last := ""
		if in.Previous != nil {
			last = in.Previous.TryThis
		}
		var before []string
		for _, e := range pl.Focus {
			if e.ID == f.ID {
				break
			}
			before = append(before, e.ID)
		}
		if h != nil && a.Text == h.Text {
			wf.Goal = nil // the matrix's practice, sized for the week already
		} else {
			// A step of the last weeks is passed over either way; a
			// teammate's, on the first pass.
			tried := recent(in.Previous, func(a *PreviousAgenda) string { return a.TryThis })
			avoid := func(text string) bool { return slices.Contains(tried, text) || pass == 0 && taken(text) }
			a, wf.Goal = weeklyTryAt(a, in.Person, f, day, last, turn, teamSeat(in), avoid, mate, before...)
		}
		wf.Action, wf.Long = &a, longAction(a)
		// No idea of the last RecentWeeks weeks is this week's again,
		// while there is another (cold read 9, finding 17).
		if !slices.Contains(recent(in.Previous, func(a *PreviousAgenda) string { return a.TryThis }), a.Text) && (pass == 1 || !taken(a.Text)) {
			break
		}
		if k == len(actions)-1 && pass == 0 {
			k, pass = -1, 1
		}
	}
	if wf.Action != nil && wf.Long {
		if by, ev := lateStart(pl, f, *wf.Action, day); by != "" {
			wf.LateStart, wf.Action.Evidence = by, ev
		}
	}
	if wf.Action != nil && wf.LateStart == "" {
		wf.Action.Evidence = fitReview(pl, *wf.Action, day)
	}
	wf.Why = whyNow(in, f, day, func(text string) string {
		switch {
		case wf.Action != nil && quotes(wf.Action.Text, text):
			return "quoted below"
		case slices.ContainsFunc(changes, func(c AgendaChange) bool { return strings.Contains(c.Text, "“"+text+"”") }):
			return "under Since last time"
		}
		return ""
	})
	// The action, or last week's, may quote the next level's bar: it is
	// then not said twice.
	said := ""
	if wf.Action != nil {
		said = wf.Action.Text
	}
	if in.Previous != nil {
		said += "\n" + in.Previous.TryThis
	}
	wf.NextInAction = f.Next.Descriptor != "" && strings.Contains(said, f.Next.Descriptor)
	if f.Level.Value == 0 && onboardingWeek(pl, day) == nil {
		// A new hire's levels are set at their first assessment, which
		// the onboarding section dates: the role's bar is theirs to read.
		wf.Assess = assessFirst(in.Person, f, wf.Goal, day, wf.Why)
	}
	wf.Reentry = returned(pl, in.Person, day)
	if onboardingWeek(pl, day) == nil {
		// A new hire's weeks are not opened with a rating dispute.
		// Worded the way fewest teammates before the person have this
		// week, the first of those: a week of many differences of view
		// shares its ways out in turn.
		used := -1
		asks := disagreements(in.Person, f.ID)
		if r := olderRater(in.History, pl, in.Person, f.ID, day); r != "" {
			// Not the manager's own level: no "I rate you" (cold read 13).
			asks = nil
			if q := olderAsk(in.Person, f.ID, r); q != "" {
				asks = []string{q}
			}
		}
		for _, q := range asks {
			n := 0
			for _, k := range in.TakenAsks {
				if k == AskKey(in.Person, q) {
					n++
				}
			}
			if used < 0 || n < used {
				wf.Ask, used = q, n
			}
		}
	}
	return wf
}

// assessFirst is what the agenda says of a focus skill with no level
// yet: it is assessed first, from the person's latest evidence on it by
// day, else their goal that needs it, and never aimed at the scale's first
// step (cold read 10, finding 8: someone running usability tests aimed at
// "takes part in usability tests").
//
// why is the week's why: a goal it names already is not written out again.
func assessFirst(p *skills.Person, f Focus, goal *skills.Goal, day time.Time, why string) string {
	var last *skills.Evidence
	for i, e := range p.Evidence {
		if e.Skill == f.ID && !e.Date.After(day) && (last == nil || !e.Date.Before(last.Date)) {
			last = &p.Evidence[i]
		}
	}
	if last != nil {
		return fmt.Sprintf("no level yet, and we set one before aiming higher: your evidence of %s (“%s”) is where it shows. Which level does it read like to you?",
			longDate(last.Date, day), strings.TrimSuffix(toYou(last.Text, p), "."))
	}
	if goal == nil {
		for i, g := range p.OpenGoals() {
			if slices.Contains(g.Skills, f.ID) {
				goal = &p.OpenGoals()[i]
				break
			}
		}
	}
	switch {
	case goal != nil && strings.Contains(why, "“"+goal.Text+"”"):
		return "no level yet, and we set one before aiming higher, from your work on that goal: which level does it read like to you?"
	case goal != nil:
		return fmt.Sprintf("no level yet, and we set one before aiming higher, from your work on “%s”: which level does it read like to you?", goal.Text)
	}
	return "no level yet, and we set one before aiming higher, from the work you bring today."
}

// weekTurn is the focus skills the week's focus turns through, as indexes
// into focus, most urgent first: the skills below the person's own role's
// bar and those a goal past its date needs, in the plan's order; when there is none, a
// skill a goal due within two weeks of day needs; when there is none of
// those either, every focus skill of the plan, in its order. The week then
// stays on what cannot wait, and the plan's order resumes once the file
// changes.
func weekTurn(focus []Focus, goals []skills.Goal, day time.Time) []int {
	needs := func(id string, due func(time.Time) bool) bool {
		return slices.ContainsFunc(goals, func(g skills.Goal) bool {
			return !g.Due.IsZero() && due(g.Due) && slices.Contains(g.Skills, id)
		})
	}
	late := func(d time.Time) bool { return d.Before(day) }
	soon := func(d time.Time) bool { return !d.Before(day) && !d.After(day.AddDate(0, 0, 14)) }
	var first, near, all []int
	for i, f := range focus {
		all = append(all, i)
		switch {
		case needs(f.ID, late) || f.BelowRole:
			// In the plan's order, which puts a skill below the bar first.
			first = append(first, i)
		case needs(f.ID, soon):
			near = append(near, i)
		}
	}
	if len(first) > 0 {
		return first
	}
	if len(near) > 0 {
		return near
	}
	return all
}

// AgendaPath is where a person's agenda for a week is written.
func AgendaPath(id string, w Week) string { return fmt.Sprintf("agendas/%s/%s.md", id, w) }

// overdueAsk is the question for a goal past its date, asked, never
// charged: what would help and a date that fits while nobody has asked
// yet; what changed once one was asked for; and from four weeks past its
// date, whether it is still the right goal, decided together.
func overdueAsk(due, day, last time.Time) string {
	// Whole weeks, not the rounded ones an agenda says: the question
	// moves on one 1:1 at a time, each week's its own.
	weeks := int(day.Sub(due).Hours() / 24 / 7)
	asked := !last.IsZero() && due.Before(last)
	switch {
	case !asked:
		return "What would help it along, and what date fits now?"
	case weeks < 4:
		return "What has changed since we last spoke about it, what would help (time, a decision from me, or someone to share it with), and which date do we write down today?"
	case weeks < 6:
		return "Is it still the right goal? If it is, what would help and what date fits; if not, we can re-scope it, hand it on or let it go together."
	}
	return "It has waited a while: shall we give it a date we both believe in, or agree together to let it go?"
}

// quotes reports whether text quotes an evidence entry: the whole of it,
// or a part of it that text puts in quotation marks (a plan's action may
// quote only the clause that records a setback).
func quotes(text, evidence string) bool {
	if strings.Contains(text, evidence) {
		return true
	}
	for _, m := range quoted.FindAllStringSubmatch(text, -1) {
		if len(m[1]) >= minQuote && strings.Contains(evidence, m[1]) {
			return true
		}
	}
	return false
}

// quoted finds what a text puts in quotation marks; minQuote is the
// shortest part of an evidence entry that counts as quoting it.
var quoted = regexp.MustCompile(`["“]([^"”]+)["”]`)

const minQuote = 12

// lateGoalIn reports whether text names one of p's open goals past its
// date on day.
func lateGoalIn(p *skills.Person, text string, day time.Time) bool {
	return slices.ContainsFunc(p.OpenGoals(), func(g skills.Goal) bool {
		return g.Text != "" && !g.Due.IsZero() && g.Due.Before(day) && strings.Contains(text, g.Text)
	})
}

// lateStart is the day, in words, by which the plan's first checkpoint
// ("Started and talked through at a 1:1") had step a of focus skill f
// started, when that day is before day, and what would show it in the time
// left before the plan's review: as many of its sessions as its own
// rhythm (weekly, fortnightly, monthly) fits in, or its first piece. ""
// when the plan dates no such start, or it is still ahead.
func lateStart(pl *Plan, f Focus, a Action, day time.Time) (string, string) {
	step := lowerFirst(strings.TrimSuffix(firstSentence(a.Text), "."))
	for _, m := range pl.Milestones {
		if m.Days != 30 || !strings.HasPrefix(m.Text, "Started and talked through at a 1:1: ") {
			continue
		}
		first := len(f.Actions) > 0 && f.Actions[0].Text == a.Text && strings.Contains(m.Text, f.Name+": ")
		if !first && !strings.Contains(m.Text, f.Name+": "+step) {
			continue
		}
		by, err := time.Parse(time.DateOnly, m.Date)
		if err != nil || !by.Before(day) {
			return "", ""
		}
		review, err := time.Parse(time.DateOnly, pl.NextReview)
		if err != nil || !review.After(day) {
			return longDate(by, day), fitReview(pl, a, day)
		}
		left := int(review.Sub(day).Hours() / 24)
		when := longDate(review, day)
		period := 0
		low := strings.ToLower(a.Text)
		switch {
		case strings.Contains(low, "fortnightly"):
			period = 14
		case strings.Contains(low, "weekly"):
			period = 7
		case strings.Contains(low, "monthly"):
			period = 30
		}
		// The plan's own checkpoint for it, when its day went by with the
		// step not started, is said as past: the smaller aim is no silent
		// change of the plan (cold read 20, point 4).
		past := ""
		if what, on := missedCheckpoint(pl, f, day); what != "" {
			past = fmt.Sprintf("; the plan's “%s” by %s is past", what, on)
		}
		if period > 0 && left >= period {
			return longDate(by, day), fmt.Sprintf("%s before %s is what we can look at then%s.", upperFirst(words(left/period+1, "session")), when, past)
		}
		return longDate(by, day), fmt.Sprintf("The first of it done before %s, and what it taught you, is what we can look at then%s.", when, past)
	}
	return "", ""
}

// missedCheckpoint is what the plan's "What others can see" checkpoint
// asks of focus skill f (its first clause), and that checkpoint's day in
// words, when the day is before day; "" when there is none or it is
// still ahead.
func missedCheckpoint(pl *Plan, f Focus, day time.Time) (string, string) {
	for _, m := range pl.Milestones {
		rest, ok := strings.CutPrefix(m.Text, "What others can see: ")
		by, err := time.Parse(time.DateOnly, m.Date)
		if !ok || err != nil || !by.Before(day) {
			continue
		}
		for _, part := range strings.Split(strings.TrimSuffix(rest, "."), "; ") {
			if what, ok := strings.CutPrefix(part, f.Name+": "); ok {
				what, _, _ = strings.Cut(what, ", and ")
				return what, longDate(by, day)
			}
		}
	}
	return "", ""
}

// lastGap is how far back the last 1:1 was, in words ("ten weeks"), when
// that is more than three weeks: a gap that long is said in the header.
func lastGap(since, day time.Time) string {
	days := int(day.Sub(since).Hours() / 24)
	if days <= 21 {
		return ""
	}
	if w := roundWeeks(days); w < len(countWords) {
		return countWords[w] + " weeks"
	}
	return plural(days/30, "month")
}

// fitReview sizes the evidence of action a, written for a full step ("Six
// months of meetings"), to the days left before the plan's review, as
// the plan does: what the review can see of it in its own terms, then the
// span in full (see visibleBy), else as reachable sizes the plan's
// checkpoints; only when it names a span longer than those days, and never
// past a review already due.
func fitReview(pl *Plan, a Action, day time.Time) string {
	evidence := a.Evidence
	review, err := time.Parse(time.DateOnly, pl.NextReview)
	if err != nil || !review.After(day) {
		return evidence
	}
	left := int(review.Sub(day).Hours() / 24)
	if v := visibleBy(a.Text, evidence, left); v != "" {
		return fmt.Sprintf("%s by our review; in full, %s", upperFirst(v), lowerFirst(evidence))
	}
	low := strings.ToLower(evidence)
	for _, sp := range spans {
		if sp.days > left && strings.Contains(low, sp.words) && !strings.Contains(low, "a quarter of the time") {
			return reachable(evidence, left)
		}
	}
	return evidence
}

// sinceDays says, on each item and its children, the 1:1 it was first
// written at as a day a person reads ("17 November", with the year when it
// is not day's), from its week and the team's 1:1 weekday wd: never the
// week's number. An item whose week does not read keeps it as written.
func sinceDays(items []Item, wd time.Weekday, day time.Time) {
	for i := range items {
		it := &items[i]
		it.SinceDay = it.Since
		if w, err := ParseWeek(it.Since); err == nil {
			it.SinceDay = longDate(w.Day(wd), day)
		}
		sinceDays(it.Children, wd, day)
	}
}

// reviewMeeting is the day of the 1:1 that holds a plan's review dated
// review, when 1:1s are on wd: the first on or after that date. Zero for
// no review.
func reviewMeeting(review time.Time, wd time.Weekday) time.Time {
	if review.IsZero() {
		return review
	}
	for review.Weekday() != wd {
		review = review.AddDate(0, 0, 1)
	}
	return review
}
