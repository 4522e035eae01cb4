package cycle

// A review is read by the person, their manager and the manager's leader:
// every line says a fact from the skill file as it stood at the period's
// end or from its history (a level and the commit that recorded it, a goal
// and its date, an evidence entry), in the third person, and the manager's
// own words go in the sections marked for them, which coach keeps.

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// Period is the stretch of time a review covers, both days included.
type Period struct {
	// Name is the folder of the review: a quarter ("2026-Q4"), or for any
	// other stretch its first and last days ("2026-11-10-to-2027-02-10").
	Name       string
	Start, End time.Time
}

var quarterName = regexp.MustCompile(`^(\d{4})-Q([1-4])$`)

// QuarterPeriod reads a quarter, "2026-Q4".
func QuarterPeriod(s string) (Period, error) {
	m := quarterName.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Period{}, fmt.Errorf("period %q is not a quarter; write it like 2026-Q4", s)
	}
	var y, q int
	fmt.Sscan(m[1], &y)
	fmt.Sscan(m[2], &q)
	start := time.Date(y, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.UTC)
	return Period{Name: m[0], Start: start, End: start.AddDate(0, 3, -1)}, nil
}

// QuarterOf is the quarter holding day.
func QuarterOf(day time.Time) Period {
	p, _ := QuarterPeriod(plans.Quarter(day))
	return p
}

// PeriodBetween is the period from since to until, both dates
// ("2026-11-10"): named as the quarter when it is exactly one, else
// "SINCE-to-UNTIL".
func PeriodBetween(since, until string) (Period, error) {
	s, err := time.Parse(time.DateOnly, since)
	if err != nil {
		return Period{}, fmt.Errorf("--since %q is not a date; write it like 2026-10-01", since)
	}
	u, err := time.Parse(time.DateOnly, until)
	if err != nil {
		return Period{}, fmt.Errorf("--until %q is not a date; write it like 2026-12-31", until)
	}
	if u.Before(s) {
		return Period{}, fmt.Errorf("--until %s is before --since %s", until, since)
	}
	if q := QuarterOf(s); q.Start.Equal(s) && q.End.Equal(u) {
		return q, nil
	}
	return Period{Name: since + "-to-" + until, Start: s, End: u}, nil
}

// Flags are the flags of coach review that name p.
func (p Period) Flags() string {
	if q, err := QuarterPeriod(p.Name); err == nil && q == p {
		return "--period " + p.Name
	}
	return "--since " + date(p.Start) + " --until " + date(p.End)
}

// Previous is the period of the same kind just before p.
func (p Period) Previous() Period {
	if q := QuarterOf(p.Start); q.Name == p.Name {
		return QuarterOf(p.Start.AddDate(0, 0, -1))
	}
	days := int(p.End.Sub(p.Start).Hours()/24) + 1
	end := p.Start.AddDate(0, 0, -1)
	start := end.AddDate(0, 0, 1-days)
	return Period{Name: date(start) + "-to-" + date(end), Start: start, End: end}
}

// ReviewInput is what a review is built from.
type ReviewInput struct {
	Matrix *skills.Matrix
	Config skills.Config
	Period Period
	// Person is the skill file as it stood at the period's end; Current is
	// set when that is the file as it stands (the period has not ended
	// since its latest change).
	Person  *skills.Person
	Current bool
	// Plan is the plan of that file, Previous the plan of the file as it
	// stood at the end of the period before (nil when there was none).
	Plan, Previous *plans.Plan
	// History is the history of the skill file up to the period's end, the
	// commit of that version included, any order.
	History []skills.Change
	// Feedback are the dates of the peer feedback about the person: the
	// review counts it and never reads it.
	Feedback []string
	// Self is the person's self-review of the period, nil when there is
	// none; SelfPath where it is.
	Self     []SelfSection
	SelfPath string
	// SelfBefore is, when there is no self-review of the period, the
	// person's self-review of the period before (SelfBeforePeriod), nil
	// when there is none either.
	SelfBefore       []SelfSection
	SelfBeforePeriod string
	// PlanHistory is the history Plan was built from, when it is not
	// History (a plan leaves out the commit of the file as it stands).
	PlanHistory []skills.Change
	// PreviousAssessed is the assessed date of the file as it stood at the
	// end of the period before, zero when it had none.
	PreviousAssessed time.Time
	// Raters name, by commit, the manager the file named in that commit's
	// version: who rated the levels it set, whoever committed them ("" for
	// a version naming none). A commit it leaves out is read as rated by
	// the manager the file names at the period's end.
	Raters map[string]string
	// Reports are the people who name the person as their manager, by the
	// names the plans call them.
	Reports []string
}

// SelfSection is one heading of a self-review and what is written under it.
type SelfSection struct {
	Title string `json:"title"`
	// Text is the person's Markdown, as written.
	Text plans.Markdown `json:"text"`
}

// Review is a person's review for a period.
type Review struct {
	Person plans.PersonRef `json:"person"`
	Role   plans.RoleRef   `json:"role"`
	Target plans.RoleRef   `json:"target"`
	Period string          `json:"period"`
	Since  string          `json:"since"`
	Until  string          `json:"until"`
	// Path is where the review is written (plans.ReviewPath).
	Path string `json:"path"`
	// AsOf is the day the review reads the skill file as of: the period's
	// end, or the assessment of the file as it stands when the period has
	// not ended since.
	AsOf string `json:"as_of"`
	// Kept says that the latest assessment, the day the review reads,
	// came after the last level it lists and kept them, so that the
	// header's day and the levels' agree.
	Kept    string           `json:"kept,omitempty"`
	Manager *plans.PersonRef `json:"manager"`
	First   string           `json:"-"`
	// Roles are the changes of role in the period, oldest first.
	Roles []RoleChange `json:"role_changes"`
	// Moved are the levels that moved in the period, in the order they
	// moved; Baselines the assessments in it that set levels rather than
	// moved them.
	Moved     []Move         `json:"moved"`
	Baselines []BaselineNote `json:"baselines"`
	// Events are both in the order they came: a baseline is a Move with
	// only its Baseline set.
	Events []Move `json:"-"`
	// The goals: done or dropped in the period, open and past due at AsOf,
	// open and not yet due.
	Met     []GoalLine `json:"met"`
	Dropped []GoalLine `json:"dropped"`
	Overdue []GoalLine `json:"overdue"`
	Open    []GoalLine `json:"open"`
	// Evidence is the evidence dated in the period, by skill in the
	// matrix's order.
	Evidence []SkillEvidence `json:"evidence"`
	// Apart are the skills where the person's own level and the manager's
	// differ.
	Apart []Apart `json:"self_vs_manager"`
	// SelfRated is set when the file holds any level of the person's own.
	SelfRated bool `json:"self_rated"`
	// SelfCount is how many skills the person rated, so that agreement on
	// one is not said of every skill (cold read 12, finding 8).
	SelfCount    int     `json:"-"`
	Strengths    []Point `json:"strengths"`
	Improvements []Point `json:"improvements"`
	// ReadFrom says, once, that the levels the review reads are an
	// uncalibrated re-baseline the verdict is held for, and whose.
	ReadFrom string `json:"read_from,omitempty"`
	// NoStrengths and NoAreas say why there are none; Unwritten lists the
	// areas nothing is written down for, in a sentence to the manager.
	NoStrengths string `json:"no_strengths,omitempty"`
	// StrengthsAsk says to the manager which strengths are named on the
	// level alone, or, with none named, which skills above the role's bar
	// want an example before they are: an example to write down.
	StrengthsAsk string `json:"strengths_ask,omitempty"`
	// StrengthsNote says once what every strength's example has in
	// common: from before the period, or before the new levels.
	StrengthsNote string `json:"-"`
	// StrengthsUnshown says, under the strengths, the levels above the
	// bar with no example written down (plans.Plan.LevelOnly): not named
	// strengths, as the plan does not name them, and what would make them
	// one (VP cold read 20: "Customer insight at 5 Shaping … on the
	// assessment of 2026-11-17" beside a plan saying it has no example).
	StrengthsUnshown string `json:"strengths_unshown,omitempty"`
	NoAreas          string `json:"no_areas,omitempty"`
	// NextStep leads the areas when they are those of the step after the
	// target, for someone ready for it now.
	NextStep  string `json:"next_step,omitempty"`
	Unwritten string `json:"unwritten,omitempty"`
	// Refreshed names the levels rated down on a return from leave; Asks
	// are what the manager should write down before the review is shared,
	// for the moves no example stands behind: said to the manager, not to
	// the person.
	Refreshed string `json:"refreshed,omitempty"`
	// Reentry says the levels set lower on a return from leave, apart
	// from the levels that moved.
	Reentry string `json:"reentry,omitempty"`
	// Uncounted says the levels set lower with no example written down,
	// as the plan says them: not a move, since the plan counts the level
	// before each until the manager writes down what it rests on.
	Uncounted []string `json:"uncounted,omitempty"`
	// uncounted are those skills, in the order the review lists them,
	// with the level the plan counts: for the readiness sentence.
	uncounted []Move
	Asks      []string `json:"asks,omitempty"`
	// Verdict is the readiness verdict for the target at AsOf, Before the
	// one at the end of the previous period (nil when there was no file
	// then), and Change says how it moved, in words.
	Verdict   plans.Verdict   `json:"verdict"`
	Readiness plans.Readiness `json:"readiness"`
	// Promotion is, for someone ready now, the plan's promotion step and
	// how long they have been at its bar, in a sentence or two; "" otherwise.
	Promotion string `json:"promotion,omitempty"`
	// Unassessed counts the skills with no level.
	Unassessed int      `json:"unassessed"`
	Before     *Earlier `json:"before,omitempty"`
	// Standing says what decides the verdict, in words ("" where the
	// count says it); reached and fell are the skills that reached the
	// target's bar since the comparison, and those no longer at it.
	Standing      string `json:"standing,omitempty"`
	reached, fell []string
	// reachedUnshown are the skills raised to the target's bar with no
	// example written down that the plan counts all the same (a raise of
	// its own, not a batch): reached, with the example still to write.
	reachedUnshown []string
	// reentered are the levels set on a return from leave, each with its
	// level in words ("Industry and market knowledge at 3 Proficient").
	reentered []string
	// unbackedAt are the skills raised to the target's bar with no
	// example behind the raise: the plan counts them at the earlier level.
	unbackedAt []string
	// icMove is set when the target moved from a role that leads people to
	// one that does not, on a file that asks for the individual-contributor
	// track.
	icMove bool
	// heldBy is whose re-baseline the verdict is held for, possessive:
	// "Sam Lee's", or "the".
	heldBy string
	// lifted are the skills a held re-baseline alone put at the target's
	// bar, largest step first.
	lifted []string
	// jumped are the skills that re-baseline moved most (see jumped).
	jumped []string
	// generous are, when every level moved alike, the two it put
	// furthest above the role's own bar (see generous).
	generous []string
	// lead says the gap that leads the verdict, in the past tense:
	// "Negotiation and trade-offs was below the Senior Product Manager bar".
	lead      string
	Change    string      `json:"change"`
	Focus     []FocusLine `json:"focus"`
	FocusNote string      `json:"focus_note,omitempty"`
	Feedback  int         `json:"feedback"`
	// FeedbackSaid is the header's line on that feedback, in plain words:
	// who brings it to the review, never what it says.
	FeedbackSaid string        `json:"-"`
	Self         []SelfSection `json:"self_review"`
	// Quarter is set when the period is a quarter: self-reviews are kept
	// by quarter.
	Quarter bool `json:"-"`
	// promised are the skills the review of the period before said
	// would reach the current role's bar by this period's review.
	promised []string
	// previous is the plan of the file as it stood at the end of the
	// period before, nil when there was none.
	previous *plans.Plan
	// leads is set when someone names the person as their manager.
	leads    bool
	SelfPath string `json:"self_review_path,omitempty"`
	// SelfBefore names the period of the person's latest self-review when
	// there is none of this one, and SelfOpening its first sentence: where
	// the conversation starts.
	SelfBefore  string `json:"self_review_before,omitempty"`
	SelfOpening string `json:"self_review_opening,omitempty"`
	// Handover says, for a manager whose own file asks for the
	// individual-contributor track, the move and the hand-over of their
	// people: the main event of the period, said first.
	Handover string `json:"handover,omitempty"`
	// Carried says, for a manager moving to the individual-contributor
	// track, that their people-management goals are carried only until
	// the hand-over, and where the next period's goals come from; carried
	// are those goals' texts.
	Carried string `json:"carried,omitempty"`
	carried []string
	// reports names the people handed over, for the drafts; said the
	// entries the summary's draft quotes.
	reports string
	said    []Entry
	// Drafts are the first words of the manager's sections.
	Drafts Drafts `json:"drafts"`
}

// Move is a level that moved in the period.
type Move struct {
	Skill plans.SkillRef `json:"skill"`
	From  int            `json:"from"`
	To    int            `json:"to"`
	// FromName and ToName name the levels ("not assessed" for 0).
	FromName string `json:"from_name"`
	ToName   string `json:"to_name"`
	Date     string `json:"date,omitempty"`
	// Commit is the short hash of the commit that recorded it, "" for a
	// change not committed yet; Author who made it.
	Commit string `json:"commit,omitempty"`
	Author string `json:"author,omitempty"`
	// RatedBy is the manager the file named in that commit, when it is not
	// the review's manager; CommittedBy the author, when it is the person
	// themselves: the prose names a commit by its day, and who rated it.
	RatedBy     string `json:"rated_by,omitempty"`
	CommittedBy string `json:"committed_by,omitempty"`
	// Evidence are the entries for the skill dated after the level before
	// it was recorded and up to the move, newest first: what stands behind
	// it.
	Evidence []Entry `json:"evidence"`
	// Baseline is set, and the rest empty, in Review.Events for an
	// assessment that set levels rather than moved them.
	Baseline *BaselineNote `json:"-"`
	// In Review.Events: With are the raises made with it in the same
	// commit, none with evidence behind it; Mixed is set when they are not
	// all the same step, and Names then says each one's; Note says what
	// stands behind a move no evidence is dated behind.
	With  []Move `json:"-"`
	Mixed bool   `json:"-"`
	Names string `json:"-"`
	Note  string `json:"-"`
}

// RoleChange is a change of role in the period: a promotion.
type RoleChange struct {
	// Said is the change as the header says it, in words: "promoted from
	// Product Manager on 1 September 2026".
	Said   string        `json:"-"`
	Date   string        `json:"date"`
	From   plans.RoleRef `json:"from"`
	To     plans.RoleRef `json:"to"`
	Commit string        `json:"commit,omitempty"`
}

// BaselineNote is an assessment in the period that set levels.
type BaselineNote struct {
	Date   string `json:"date"`
	Commit string `json:"commit,omitempty"`
	Author string `json:"author,omitempty"`
	// Rater is the manager the file named in its commit.
	Rater      string `json:"rater,omitempty"`
	Kind       string `json:"kind"`
	Moved      int    `json:"moved"`
	Assessed   int    `json:"assessed"`
	Calibrated bool   `json:"calibrated"`
	// Text says it in a sentence.
	Text string `json:"-"`
}

// GoalLine is a goal in a review.
type GoalLine struct {
	Text    string           `json:"text"`
	Skills  []plans.SkillRef `json:"skills"`
	Due     string           `json:"due,omitempty"`
	Ended   string           `json:"ended,omitempty"`
	Outcome string           `json:"outcome,omitempty"`
	// Pace says, for an open goal with a measured target, that the latest
	// reading is behind the pace its dates set.
	Pace string `json:"pace,omitempty"`
	// Rework says, for an open goal the plan finds cannot be done as
	// written, why, and that it is re-worded before anything else.
	Rework string `json:"rework,omitempty"`
}

// SkillEvidence is the evidence of one skill in the period, oldest first.
type SkillEvidence struct {
	Skill   plans.SkillRef `json:"skill"`
	Entries []Entry        `json:"entries"`
}

// Apart is a skill where the person's level and the manager's differ.
type Apart struct {
	Skill       plans.SkillRef `json:"skill"`
	Self        int            `json:"self"`
	SelfName    string         `json:"self_name"`
	Manager     int            `json:"manager"`
	ManagerName string         `json:"manager_name"`
}

// Point is a strength or an area to improve, with what shows it.
type Point struct {
	Skill     plans.SkillRef `json:"skill"`
	Level     int            `json:"level"`
	LevelName string         `json:"level_name"`
	// Bar is the bar it is read against, BarRole the role whose bar it is.
	Bar     int    `json:"bar"`
	BarName string `json:"bar_name"`
	BarRole string `json:"bar_role"`
	// Above is set when the level is above Bar, not only at it; Top, for
	// a strength, when it is at Bar and the top of the scale; AtBar, for
	// an area, when the level is at Bar: Unshown then says what is
	// missing, nothing on file that shows it, and where it can show.
	Above   bool   `json:"above"`
	Top     bool   `json:"top,omitempty"`
	AtBar   bool   `json:"at_bar,omitempty"`
	Unshown string `json:"unshown,omitempty"`
	// Evidence is, for a strength, the newest entry for the skill that
	// records no setback; for an area, the newest setback when it is the
	// newest of what is recorded (Text is then the clause that records it).
	Evidence *Entry `json:"evidence,omitempty"`
	// Earlier says, for a strength whose newest example predates the
	// period, that it is carried from before it: a clause.
	Earlier string `json:"earlier,omitempty"`
	// Uncalibrated says a strength's level is a new, uncalibrated one its
	// example, from before it, does not show.
	Uncalibrated string `json:"uncalibrated,omitempty"`
	// Shared is set when the review says that clause once, under the
	// list, for every strength (StrengthsNote).
	Shared bool `json:"-"`
	// RatedOn is, for a strength no example shows, the date of the
	// assessment that names it on the level alone.
	RatedOn string `json:"rated_on,omitempty"`
	// Step is, for an area whose newest record is progress, that progress
	// in words: a goal met, or evidence of a day.
	Step string `json:"step,omitempty"`
	// SelfNote says the person rates the skill lower than the manager,
	// when the levels are a re-baseline still to calibrate: a clause.
	SelfNote string `json:"self_note,omitempty"`
	// Waits says, for an area, that the goal where it can show waits on
	// someone else's overdue hand-over: a clause.
	Waits string `json:"waits,omitempty"`
	// Next is set for an area of the step after the target.
	Next bool `json:"next,omitempty"`
	// Fell is, for an area whose level was rated down in the period, the
	// day it was: a reason for focus, never something to build on.
	Fell string `json:"fell,omitempty"`
}

// Earlier is the readiness verdict at an earlier assessment.
type Earlier struct {
	AsOf    string        `json:"as_of"`
	Target  plans.RoleRef `json:"target"`
	Verdict plans.Verdict `json:"verdict"`
	Met     int           `json:"met"`
	Total   int           `json:"total"`
}

// FocusLine is one focus skill for the next period.
type FocusLine struct {
	Skill plans.SkillRef `json:"skill"`
	From  string         `json:"from"`
	To    string         `json:"to"`
	// Goals are the goals that depend on it.
	Goals []string `json:"goals"`
	// Area is set when it is one of the review's areas to improve, whose
	// line says its level and bar; SameGoal when its goals are those the
	// line just before quotes, so "that goal" reads as them. Again are
	// the short forms of goals quoted on an earlier line, not the one just
	// before: named again, never "that goal" (VP cold read 20: "that
	// goal" read as the clinic, which does not name business acumen).
	Area     bool     `json:"area"`
	SameGoal bool     `json:"same_goal"`
	Again    []string `json:"again,omitempty"`
	// Cited is set when the area above already names its goals.
	Cited bool `json:"cited"`
	// Reassess is set for a level lowered after a return from leave: a
	// level to re-assess together, not a move to make.
	Reassess bool `json:"reassess,omitempty"`
	// Unrated says, for a skill with no level yet, what the plan's focus
	// says of it: "no level yet, assessed first", or for a new hire the
	// level the role expects; never a move "from not assessed to 1
	// Aware" (VP cold read 20).
	Unrated string `json:"unrated,omitempty"`
	// Past is set when the skill is at the bar of the role named and To is
	// the level above it, the stretch past that bar.
	Past string `json:"past,omitempty"`
	// Bar is set when the skill is at the bar of the role named and asks
	// for no new level: the goal is where it shows.
	Bar string `json:"bar,omitempty"`
}

// maxPoints is how many strengths, and how many areas to improve, a review
// names.
const maxPoints = 3

// ReviewMarker is the first line of a written review: where it comes from,
// the period, what coach keeps, and the digest of what coach wrote outside
// the manager's sections, which tells a hand edit there.
func ReviewMarker(source, period, digest string) string {
	return fmt.Sprintf("%s%s for %s. %s digest:%s -->", reviewMarkerPrefix, source, period, ReviewPromise, digest)
}

const reviewMarkerPrefix = "<!-- Generated by coach review from "

// ReviewPromise is what coach does with a written review.
const ReviewPromise = "Write between the coach:manager marks: coach keeps what is written there, and refuses to replace anything else edited by hand."

// BuildReview builds the review of in.Person for in.Period.
func BuildReview(in ReviewInput) (*Review, error) {
	m, p, pl := in.Matrix, in.Person, in.Plan
	if pl == nil {
		return nil, fmt.Errorf("%s: no plan to build the review from", p.Path)
	}
	start, end := in.Period.Start, in.Period.End
	asOf := end
	if t, err := time.Parse(time.DateOnly, pl.Today.Date); in.Current && err == nil && t.Before(end) {
		asOf = t
	}
	r := &Review{Person: plans.PersonRef{ID: p.ID, Name: p.Name}, Role: pl.Role, Target: pl.Target,
		Period: in.Period.Name, Since: date(start), Until: date(end), Path: plans.ReviewPath(in.Period.Name, p.ID),
		AsOf: date(asOf), First: firstWord(p.Name), Roles: []RoleChange{}, Moved: []Move{}, Baselines: []BaselineNote{},
		Met: []GoalLine{}, Dropped: []GoalLine{}, Overdue: []GoalLine{}, Open: []GoalLine{},
		Evidence: []SkillEvidence{}, Apart: []Apart{}, Strengths: []Point{}, Improvements: []Point{},
		Verdict: pl.Verdict, Readiness: pl.CountedReadiness(), Focus: []FocusLine{}, FocusNote: pl.FocusNote,
		Self: in.Self, SelfPath: in.SelfPath}
	if q, err := QuarterPeriod(in.Period.Name); err == nil && q == in.Period {
		r.Quarter = true
	}
	if r.Self == nil {
		r.Self = []SelfSection{}
		if o := opening(in.SelfBefore); o != "" {
			r.SelfBefore, r.SelfOpening = in.SelfBeforePeriod, o
		}
	}
	if pl.Person.ManagerName != "" {
		r.Manager = &plans.PersonRef{ID: p.Manager, Name: pl.Person.ManagerName}
	}
	inPeriod := func(t time.Time) bool { return !t.Before(start) && t.Before(end.AddDate(0, 0, 1)) }
	var heldOn *plans.Baseline
	if held(pl) {
		heldOn = pl.Baseline
	}
	r.levels(m, p, in.History, in.Raters, heldOn, inPeriod)
	if b := heldOn; b != nil {
		// Named as the history names it: the plan of a file as it stands
		// knows its baseline only as the assessment it is written from.
		kind, rater := b.Kind, raterOf(in.Raters, b.Commit, pl.Person.ManagerName)
		for _, n := range r.Baselines {
			if n.Date == b.Date {
				kind, rater = n.Kind, n.Rater
			}
		}
		r.ReadFrom = r.assessment(kind, rater, b.Date) + ", not yet calibrated"
		r.heldBy = "the"
		if rater != "" {
			r.heldBy = possessive(rater)
		}
	}
	r.goals(m, p, inPeriod, asOf)
	// The plan's judgement, never another one: a goal it finds cannot be
	// done as written is to be re-worded, not carried (VP cold read 18,
	// finding 4).
	for _, gs := range []([]GoalLine){r.Overdue, r.Open} {
		for i := range gs {
			if why := pl.Unworkable(gs[i].Text); why != "" {
				gs[i].Rework = fmt.Sprintf("Cannot be done as written, as %s: to be re-worded at the next 1:1.", why)
			}
		}
	}
	for _, s := range m.Skills {
		var entries []Entry
		for _, e := range p.Evidence {
			if e.Skill == s.ID && inPeriod(e.Date) && reviewQuoted(e.Text) != "" {
				entries = append(entries, Entry{Date: date(e.Date), Text: reviewQuoted(e.Text)})
			}
		}
		if len(entries) > 0 {
			slices.SortStableFunc(entries, func(a, b Entry) int { return cmp.Compare(a.Date, b.Date) })
			r.Evidence = append(r.Evidence, SkillEvidence{Skill: plans.SkillRef{ID: s.ID, Name: s.Name}, Entries: entries})
		}
	}
	// Read from the file itself, not the plan: a plan that does not judge
	// yet (a new hire's) leaves its conversations out, the file still
	// holds the person's own levels.
	r.SelfRated, r.SelfCount = len(p.Self) > 0, len(p.Self)
	for _, s := range m.Skills {
		self, ok := p.Self[s.ID]
		if lvl := p.Levels[s.ID]; ok && lvl > 0 && self != lvl {
			r.Apart = append(r.Apart, Apart{Skill: plans.SkillRef{ID: s.ID, Name: s.Name}, Self: self, SelfName: levelName(m, self),
				Manager: lvl, ManagerName: levelName(m, lvl)})
		}
	}
	r.Unassessed = pl.Readiness.Total - pl.Readiness.Assessed
	r.leads = len(in.Reports) > 0
	r.points(in, asOf)
	r.unbacked(pl)
	for _, f := range pl.Focus {
		fl := FocusLine{Skill: f.SkillRef, From: levelText(f.Level), To: levelText(f.Next), Goals: orEmpty(f.Goals)}
		fl.Reassess = pl.Returned != "" && slices.Contains(pl.Reentry, f.ID)
		if f.Level.Value == 0 {
			fl.Unrated = "no level yet, assessed first"
			if pl.Verdict.Kind == "onboarding" && fl.To != "" {
				fl.Unrated = fmt.Sprintf("not assessed yet, %s expected", fl.To)
			}
		}
		if f.Lowered {
			// A level set lower with no example: the plan's own words.
			fl.Unrated = f.Step()
		}
		fl.Past = f.StretchPast
		if f.Next.Value <= f.Level.Value {
			fl.To = "" // held where it is
			if f.Level.Value > 0 && f.Level.Value == f.Expect {
				fl.Bar = pl.Target.Name
			}
		}
		// An area above already says where it stands and the bar it is
		// read against: the focus names it, not its levels again.
		fl.Area = slices.ContainsFunc(r.Improvements, func(pt Point) bool { return pt.Skill.ID == f.ID })
		// An area at the bar names the goal where it can show: said once.
		fl.Cited = len(fl.Goals) > 0 && slices.ContainsFunc(r.Improvements, func(pt Point) bool {
			return pt.Skill.ID == f.ID && !slices.ContainsFunc(fl.Goals, func(g string) bool { return !strings.Contains(pt.Unshown, g) })
		})
		// A goal is quoted once: a later skill it depends on says so.
		fl.SameGoal = len(fl.Goals) > 0 && !slices.ContainsFunc(fl.Goals, func(g string) bool {
			return !slices.ContainsFunc(r.Focus, func(o FocusLine) bool { return slices.Contains(o.Goals, g) })
		})
		if n := len(r.Focus); fl.SameGoal && (r.Focus[n-1].Cited || !slices.Equal(r.Focus[n-1].Goals, fl.Goals)) {
			fl.SameGoal = false
			for _, g := range fl.Goals {
				fl.Again = append(fl.Again, plans.ShortGoal(g))
			}
		}
		r.Focus = append(r.Focus, fl)
	}
	if prev := in.Previous; prev != nil {
		r.Before = &Earlier{AsOf: lastAssessment(in.PreviousAssessed, in.History, start), Target: prev.Target, Verdict: prev.Verdict, Met: prev.Readiness.Met, Total: prev.Readiness.Total}
	}
	r.Standing = r.standing(pl)
	if prev := in.Previous; prev != nil && prev.Target.ID == pl.Target.ID && pl.Returned == "" && !held(pl) {
		was, rated := map[string]bool{}, map[string]bool{}
		for _, row := range prev.Skills {
			was[row.ID] = row.Level > 0 && row.Level >= row.ExpectTarget
			rated[row.ID] = row.Level > 0
		}
		for _, row := range pl.Skills {
			// Read on the levels the plan counts (cold read 20, finding 5):
			// a raise it counts at the earlier level reached nothing, and
			// one it counts is said as reached, with no example yet.
			lvl := cmp.Or(row.CountedAs, row.Level)
			switch now := lvl > 0 && lvl >= row.ExpectTarget; {
			case !now && row.CountedAs > 0 && row.Level >= row.ExpectTarget && !was[row.ID]:
				// The plan counts a raise with nothing behind it at its
				// earlier level: not said as reached (cold read 19a,
				// finding 10).
				r.unbackedAt = append(r.unbackedAt, row.Name)
			case now && !rated[row.ID]:
				// A first rating sets a level: it reached nothing.
			case now && !was[row.ID] && r.unbackedRaise(row.ID):
				r.reachedUnshown = append(r.reachedUnshown, row.Name)
			case now && !was[row.ID]:
				r.reached = append(r.reached, row.Name)
			case !now && was[row.ID]:
				r.fell = append(r.fell, row.Name)
			}
		}
	}
	if prev := in.Previous; prev != nil && p.Aspiration != nil && p.Aspiration.Track == skills.TrackIC {
		was, now := m.Role(prev.Target.ID), m.Role(pl.Target.ID)
		r.icMove = was != nil && now != nil && was.Leads && !now.Leads
	}
	r.Change = r.change()
	switch {
	case held(pl):
		r.Change = r.heldChange(in)
	}
	r.Change = r.inWords(r.Change) // read as prose, as the drafts are
	r.Promotion = promotion(pl, r.First)
	r.Handover = r.handover(in)
	r.Carried = r.carry(in)
	r.Kept = r.kept()
	if prev := in.Previous; prev != nil && prev.Role.ID == pl.Role.ID && prev.Target.ID == pl.Target.ID &&
		prev.Verdict.Kind == pl.Verdict.Kind && !plans.TooEarly(prev) && !prev.FirstTimeManager {
		// The period before's review, the same rule run on its plan,
		// promised the current role's bar by this period's review.
		// Only a skill short of it then and still short now was promised:
		// one that fell short since was not.
		r.previous = prev
		before, _ := gaps(prev)
		now, _ := gaps(pl)
		for _, s := range now {
			if slices.Contains(before, s) {
				r.promised = append(r.promised, s)
			}
		}
	}
	r.drafts(in, asOf)
	for _, d := range in.Feedback {
		if t, err := time.Parse(time.DateOnly, d); err == nil && inPeriod(t) {
			r.Feedback++
		}
	}
	r.FeedbackSaid = "none"
	if r.Feedback > 0 {
		who := "the manager"
		if r.Manager != nil {
			who = firstWord(r.Manager.Name)
		}
		r.FeedbackSaid = fmt.Sprintf("%d %s, kept private: %s brings what %s to the review conversation; never quoted here",
			r.Feedback, plural(r.Feedback, "piece", "pieces"), who, plural(r.Feedback, "it says", "they say"))
	}
	return r, nil
}

// levels finds the levels that moved in the period, and the baselines in
// it, from the history; a level the file as it stands sets and no commit
// recorded yet is a move without a commit.
func (r *Review) levels(m *skills.Matrix, p *skills.Person, history []skills.Change, raters map[string]string, heldOn *plans.Baseline, inPeriod func(time.Time) bool) {
	managerName := ""
	if r.Manager != nil {
		managerName = r.Manager.Name
	}
	rater := func(commit string) string { return raterOf(raters, commit, managerName) }
	baselines := map[string]plans.Baseline{}
	for _, b := range plans.Baselines(history, nil, managerName) {
		baselines[b.Commit] = b
	}
	// The first assessment after onboarding sets levels, as the agenda
	// says it: never a list of moves (cold read 20, finding 8).
	if commit, day := plans.FirstSinceOnboarding(p, history); commit != "" {
		if _, ok := baselines[commit]; !ok {
			b := plans.Baseline{Kind: "onboarded", Commit: commit, Date: day, Assessed: len(p.Levels)}
			for _, c := range history {
				if c.Kind == skills.KindLevel && c.Commit == commit && date(c.Date) == day {
					b.Moved++
					b.Author = c.Author
				}
			}
			baselines[commit] = b
		}
	}
	sorted := slices.Clone(history)
	slices.SortStableFunc(sorted, func(a, b skills.Change) int { return a.Date.Compare(b.Date) })
	committed := map[string]int{}
	since := map[string]time.Time{} // when each level was last recorded
	seen := map[string]bool{}
	for _, c := range sorted {
		if c.Kind == skills.KindRole && c.From != "" && inPeriod(c.Date) {
			rc := RoleChange{Date: date(c.Date), From: roleRef(m, c.From), To: roleRef(m, c.To), Commit: short(c.Commit)}
			how := "from"
			if from := m.Role(c.From); from != nil && from.Next == c.To {
				how = "promoted from" // the matrix's next role
			}
			rc.Said = fmt.Sprintf("%s %s on %s", how, rc.From.Name, c.Date.Format("2 January 2006"))
			r.Roles = append(r.Roles, rc)
		}
		if c.Kind != skills.KindLevel {
			continue
		}
		committed[c.Skill] = c.ToLevel()
		was := since[c.Skill]
		since[c.Skill] = c.Date
		if !inPeriod(c.Date) {
			continue
		}
		if b, ok := baselines[c.Commit]; ok {
			if !seen[c.Commit] {
				seen[c.Commit] = true
				header := heldOn != nil && (b.Commit == heldOn.Commit || heldOn.Pending && b.Date == heldOn.Date)
				note := r.baselineNote(b, rater(b.Commit), header)
				r.Baselines = append(r.Baselines, note)
				r.Events = append(r.Events, Move{Date: note.Date, Commit: note.Commit, Author: note.Author, Evidence: []Entry{}, Baseline: &note})
			}
			continue
		}
		mv := Move{Skill: skillRef(m, c.Skill), From: c.FromLevel(), To: c.ToLevel(), Date: date(c.Date), Commit: short(c.Commit), Author: c.Author}
		mv.FromName, mv.ToName = levelOrNone(m, mv.From), levelOrNone(m, mv.To)
		if by := rater(c.Commit); by != managerName {
			mv.RatedBy = by
		}
		if c.Author != "" && c.Author == p.Name {
			mv.CommittedBy = c.Author
		}
		mv.Evidence = behind(p, c.Skill, was, c.Date)
		r.Moved = append(r.Moved, mv)
		r.Events = append(r.Events, mv)
	}
	for _, s := range m.Skills {
		was, now := committed[s.ID], p.Levels[s.ID]
		if len(history) == 0 || was == now {
			continue
		}
		mv := Move{Skill: plans.SkillRef{ID: s.ID, Name: s.Name}, From: was, To: now, FromName: levelOrNone(m, was), ToName: levelOrNone(m, now),
			Date: r.AsOf}
		at, _ := time.Parse(time.DateOnly, r.AsOf)
		mv.Evidence = behind(p, s.ID, since[s.ID], at)
		r.Moved = append(r.Moved, mv)
		r.Events = append(r.Events, mv)
	}
}

// behind lists the evidence of skill dated after from (the day the level
// before was recorded; any day when zero) up to day, newest first, at most
// maxEvidence entries.
func behind(p *skills.Person, skill string, from, day time.Time) []Entry {
	out := []Entry{}
	from = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	for _, e := range newestFirst(p.Evidence, skill) {
		if (!from.IsZero() && e.Date.Before(from)) || e.Date.After(day) || len(out) == maxEvidence {
			continue
		}
		out = append(out, Entry{Date: date(e.Date), Text: e.Text})
	}
	return out
}

// baselineNote says a baseline by who rated it (the manager the file
// named in its commit) and its day: a commit is named once, by its day, and
// its author only when the person committed their own levels. Its
// calibration is left to the review's header when the review's levels are
// that baseline, held for it.
func (r *Review) baselineNote(b plans.Baseline, rater string, header bool) BaselineNote {
	n := BaselineNote{Date: b.Date, Commit: short(b.Commit), Author: b.Author, Rater: rater, Kind: b.Kind, Moved: b.Moved, Assessed: b.Assessed, Calibrated: b.Calibrated}
	what := r.assessment(b.Kind, rater, b.Date)
	if b.Author != "" && b.Author == r.Person.Name {
		what += fmt.Sprintf(", committed by %s", r.First)
	}
	set := fmt.Sprintf("all %d levels at once", b.Assessed)
	switch {
	case b.Kind == "onboarded":
		n.Text = fmt.Sprintf("%s, set %d %s: the levels the plan measures from, not growth.", upperFirst(what), b.Moved, plural(b.Moved, "level", "levels"))
		return n
	case b.Kind == "first":
		set = fmt.Sprintf("%d %s", b.Moved, plural(b.Moved, "level", "levels"))
	case b.Moved != b.Assessed:
		set = fmt.Sprintf("%d of its %d levels at once", b.Moved, b.Assessed)
	}
	cal := ", and nobody has calibrated it yet"
	switch {
	case b.Calibrated:
		cal = ", calibrated before it was recorded"
	case header:
		cal = ""
	}
	n.Text = fmt.Sprintf("%s, set %s: a baseline, not growth%s.", upperFirst(what), set, cal)
	return n
}

// assessment names an assessment that set levels, by who rated it and its
// day: "Sam Lee's first assessment as Ben's manager, on 2026-11-18".
func (r *Review) assessment(kind, rater, day string) string {
	who := r.First
	if firstWord(rater) == who {
		who = r.Person.Name // Sam Lee's first assessment of Sam Patel
	}
	switch {
	case kind == "onboarded":
		return fmt.Sprintf("%s's first assessment since onboarding, on %s", who, day)
	case kind == "first" && rater != "":
		return fmt.Sprintf("%s's first assessment of %s, on %s", rater, who, day)
	case kind == "first":
		return fmt.Sprintf("%s's first assessment, on %s", who, day)
	case kind == "new-manager" && rater != "":
		return fmt.Sprintf("%s's first assessment as %s's manager, on %s", rater, who, day)
	case rater != "":
		return fmt.Sprintf("%s's re-assessment of %s, on %s", rater, who, day)
	}
	return fmt.Sprintf("the re-assessment of %s, on %s", who, day)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// raterOf is who rated the levels of commit: the manager the file named
// in it, else managerName, the manager it names at the period's end.
func raterOf(raters map[string]string, commit, managerName string) string {
	if name, ok := raters[commit]; ok {
		return name
	}
	return managerName
}

// goals sorts the goals of the file as of the period's end.
func (r *Review) goals(m *skills.Matrix, p *skills.Person, inPeriod func(time.Time) bool, asOf time.Time) {
	for _, g := range p.Goals {
		l := GoalLine{Text: g.Text, Skills: []plans.SkillRef{}, Due: date(g.Due), Outcome: g.Outcome}
		for _, id := range g.Skills {
			l.Skills = append(l.Skills, skillRef(m, id))
		}
		end, day := g.End()
		switch {
		case end != "" && day.After(asOf):
			// Ended after the day the review reads: open then.
			fallthrough
		case end == "":
			l.Outcome = ""
			l.Pace = pace(p, g, asOf)
			if !g.Due.IsZero() && g.Due.Before(asOf) {
				r.Overdue = append(r.Overdue, l)
			} else {
				r.Open = append(r.Open, l)
			}
		case !inPeriod(day):
			// Ended before the period.
		case end == skills.GoalDone:
			l.Ended = date(day)
			r.Met = append(r.Met, l)
		default:
			l.Ended = date(day)
			r.Dropped = append(r.Dropped, l)
		}
	}
	byDate := func(key func(GoalLine) string) func(a, b GoalLine) int {
		return func(a, b GoalLine) int { return cmp.Compare(key(a), key(b)) }
	}
	ended := byDate(func(g GoalLine) string { return g.Ended })
	due := byDate(func(g GoalLine) string { return cmp.Or(g.Due, "9999") })
	slices.SortStableFunc(r.Met, ended)
	slices.SortStableFunc(r.Dropped, ended)
	slices.SortStableFunc(r.Overdue, due)
	slices.SortStableFunc(r.Open, due)
}

// unbackedRaise reports whether the period raised skill with no example
// from work behind it.
func (r *Review) unbackedRaise(skill string) bool {
	for _, e := range r.Events {
		if e.Baseline != nil || len(e.Evidence) > 0 {
			continue
		}
		for _, mv := range append([]Move{e}, e.With...) {
			if mv.Skill.ID == skill && mv.To > mv.From {
				return true
			}
		}
	}
	return false
}

// change says how the readiness verdict moved since the previous period.
func (r *Review) change() string {
	b := r.Before
	switch {
	case b != nil && b.Target.ID != r.Target.ID && len(r.Roles) > 0:
		last := r.Roles[len(r.Roles)-1]
		return fmt.Sprintf("Promoted to %s on %s, in the period: the verdict is now read against %s. For %s, at %s, it was \"%s\".",
			last.To.Name, last.Date, r.Target.Name, b.Target.Name, r.beforeWhen(), b.Verdict.Text)
	case b != nil && b.Target.ID != r.Target.ID && r.icMove:
		return fmt.Sprintf("The target changed in the period, from %s to %s: %s chose the individual-contributor track. At %s, the verdict for %s was \"%s\".",
			b.Target.Name, r.Target.Name, r.First, r.beforeWhen(), b.Target.Name, b.Verdict.Text)
	case b != nil && b.Target.ID != r.Target.ID:
		// Both targets named, as the track change above says them (VP
		// cold read 20: "from Group Product Manager: … the verdict for
		// it" left the new target to guess).
		return fmt.Sprintf("The target changed in the period, from %s to %s: at %s, the verdict for %s was \"%s\".", b.Target.Name, r.Target.Name, r.beforeWhen(), b.Target.Name, b.Verdict.Text)
	case b == nil:
		return fmt.Sprintf("No earlier assessment to compare with: this is %s's first review on record.", r.First)
	}
	if b.Verdict.Kind == "onboarding" && b.Target.ID == r.Target.ID {
		// The first assessment after the first 90 days sets levels:
		// where the person starts from, never movement or a bar reached
		// (cold read 19a, finding 3).
		// Said of the person, as the rest of the section is, and of the
		// levels by what they are (VP cold read 20: "Your first
		// assessment, late, set these levels").
		late := ""
		if strings.Contains(r.Verdict.Text, "late") {
			late = ", late,"
		}
		return fmt.Sprintf("%s's first assessment after the first 90 days%s set the levels this review reads: where %s starts from, not growth.", r.First, late, r.First)
	}
	since := ""
	if len(r.reached) > 0 {
		since = fmt.Sprintf("; since then, %s %s reached the %s bar", plans.AndList(r.reached), plural(len(r.reached), "has", "have"), r.Target.Name)
	}
	if n := len(r.reachedUnshown); n > 0 {
		head := "; since then, "
		if since != "" {
			head = ", and "
		}
		since += fmt.Sprintf("%s%s %s reached the %s bar with no example of %s written down yet", head, plans.AndList(r.reachedUnshown), plural(n, "has", "have"), r.Target.Name, plural(n, "it", "them"))
	}
	if len(r.fell) > 0 {
		since = r.fellClause(since)
	}
	if len(r.unbackedAt) > 0 {
		since += fmt.Sprintf("; %s %s raised to the %s bar with no example written down yet, so the plan counts %s at the earlier level until one is",
			plans.AndList(r.unbackedAt), plural(len(r.unbackedAt), "is", "are"), r.Target.Name, plural(len(r.unbackedAt), "it", "them"))
	}
	switch n := len(r.uncounted); {
	case n == 1:
		mv := r.uncounted[0]
		since += fmt.Sprintf("; %s was set lower with no example written down, so the plan counts it at %d %s until one is", mv.Skill.Name, mv.From, mv.FromName)
	case n > 1:
		var names []string
		for _, mv := range r.uncounted {
			names = append(names, mv.Skill.Name)
		}
		since += fmt.Sprintf("; %s were set lower with no example written down, so the plan counts them at the levels before until one is", plans.AndList(names))
	}
	moved := r.movedClause()
	switch {
	case b.Verdict.Text == r.Verdict.Text && since == "" && moved != "":
		// Never "unchanged" beside a level the next section lists.
		return fmt.Sprintf("The same verdict as at %s; in the period, %s.", r.beforeWhen(), moved)
	case b.Verdict.Text == r.Verdict.Text && since == "" && r.Reentry != "":
		// The levels set on a return from leave are where the person
		// starts again: not "the same skills at the bar", nor a fall.
		// Named, as the levels that moved name theirs (VP cold read 20:
		// "what was set for this period's fresh start" named nothing).
		return fmt.Sprintf("The same verdict as at %s; %s, set for %s's fresh start, %s, not a change.", r.beforeWhen(),
			plans.AndList(r.reentered), r.First, plural(len(r.reentered), "is a level to start from", "are levels to start from"))
	case b.Verdict.Text == r.Verdict.Text && since == "" && r.lead != "":
		// Said of this person's own leading gap, not of "the same
		// skills" (issue 20, rule 5).
		return fmt.Sprintf("Unchanged since %s: %s then too.", r.beforeWhen(), r.lead)
	case b.Verdict.Text == r.Verdict.Text && since == "" && r.Verdict.Kind == "ready-now":
		return fmt.Sprintf("Unchanged since %s: every assessed skill was at the %s bar then too.", r.beforeWhen(), r.Target.Name)
	case b.Verdict.Text == r.Verdict.Text && since == "":
		return fmt.Sprintf("Unchanged since %s: the same verdict, with the same skills at the bar.", r.beforeWhen())
	case b.Verdict.Text == r.Verdict.Text:
		return fmt.Sprintf("The same verdict as at %s%s.", r.beforeWhen(), since)
	}
	return fmt.Sprintf("It moved from \"%s\" at %s%s.", b.Verdict.Text, r.beforeWhen(), since)
}

// movedClause says the levels the review lists as moved in the period
// (r.Events, ups and downs alike), each with its levels while there are
// three or fewer, else counted; "" when none moved.
func (r *Review) movedClause() string {
	var each []string
	up, down, set := 0, 0, 0
	for _, e := range r.Events {
		if e.Baseline != nil {
			set += e.Baseline.Moved
			continue
		}
		for _, mv := range append([]Move{e}, e.With...) {
			switch {
			case mv.From == 0:
				each = append(each, fmt.Sprintf("%s was first rated %d %s", mv.Skill.Name, mv.To, mv.ToName))
			default:
				each = append(each, fmt.Sprintf("%s went from %d %s to %d %s", mv.Skill.Name, mv.From, mv.FromName, mv.To, mv.ToName))
			}
			if mv.To > mv.From {
				up++
			} else {
				down++
			}
		}
	}
	var out string
	switch {
	case len(each) > 0 && len(each) <= 3:
		out = plans.AndList(each)
	case len(each) > 3 && down == 0:
		out = fmt.Sprintf("%d levels went up", up)
	case len(each) > 3 && up == 0:
		out = fmt.Sprintf("%d levels went down", down)
	case len(each) > 3:
		out = fmt.Sprintf("%d %s went up and %d down", up, plural(up, "level", "levels"), down)
	}
	if set > 0 {
		if out != "" {
			out += ", and "
		}
		out += fmt.Sprintf("a re-assessment set %d %s", set, plural(set, "level", "levels"))
	}
	return out
}

// fellClause adds to since the skills no longer at the target's bar.
func (r *Review) fellClause(since string) string {
	verb := plural(len(r.fell), "is", "are")
	if since == "" {
		return fmt.Sprintf("; since then, %s %s no longer at the %s bar", plans.AndList(r.fell), verb, r.Target.Name)
	}
	return fmt.Sprintf("%s, and %s %s no longer at it", since, plans.AndList(r.fell), verb)
}

// standing says what decides the verdict, in words, never as a count of
// levels: the skills below the current role's bar, else those short of the
// target's; for a verdict held for a calibration, what the re-baseline
// alone would say; for an assessment running late, the skills that have a
// level; after a return from leave, the levels set on the return left out.
// It is "" for a new hire's, whose line says why.
func (r *Review) standing(pl *plans.Plan) string {
	lead := fmt.Sprintf("The verdict for %s is \"%s\"", r.Target.Name, r.Verdict.Text)
	switch {
	case pl.Verdict.Kind == "onboarding":
		return ""
	case plans.TooEarly(pl):
		var rated []string
		for _, row := range pl.Skills {
			if row.Level > 0 {
				rated = append(rated, row.Name)
			}
		}
		if len(rated) > 0 && len(rated) <= 3 {
			return fmt.Sprintf("%s: only %s %s a level, too few to read against the %s bar, and the rest are still to be assessed.", lead, plans.AndList(rated), plural(len(rated), "has", "have"), r.Target.Name)
		}
		return fmt.Sprintf("%s: only a few skills have a level, too few to read against the %s bar, and the rest are still to be assessed.", lead, r.Target.Name)
	case pl.Verdict.Kind == "ready-now":
		return lead + ": every assessed skill is at or above its bar."
	}
	type short struct {
		name string
		gap  int
	}
	var role, target []short
	for _, row := range pl.Skills {
		// The plan's count: a raise with nothing written down counts at
		// its earlier level, here as in the plan's short list.
		lvl := cmp.Or(row.CountedAs, row.Level)
		switch {
		case lvl == 0 || pl.Returned != "" && slices.Contains(pl.Reentry, row.ID):
		case lvl < row.ExpectRole:
			role = append(role, short{row.Name, row.ExpectRole - lvl})
		case lvl < row.ExpectTarget:
			target = append(target, short{row.Name, row.ExpectTarget - lvl})
		}
	}
	// The plan's focus first, in its order, then the largest gap: the
	// gaps named are those the plan works on (cold read 20, finding 5).
	at := map[string]int{}
	for i, f := range pl.Focus {
		at[f.Name] = i + 1
	}
	names := func(list []short) (string, int) {
		slices.SortStableFunc(list, func(a, b short) int {
			return cmp.Or(cmp.Compare(cmp.Or(at[a.name], len(pl.Focus)+1), cmp.Or(at[b.name], len(pl.Focus)+1)), cmp.Compare(b.gap, a.gap))
		})
		var out []string
		for _, s := range list[:min(3, len(list))] {
			out = append(out, s.name)
		}
		return plans.AndList(out), len(list)
	}
	if held(pl) {
		lead += ": " + r.heldBy + " new levels, set all at once, are a fresh starting point, not growth; on them alone"
		switch {
		case len(role) > 0:
			n, all := names(role)
			return fmt.Sprintf("%s, %s%s %s still below the %s bar.", lead, n, amongOthers(all), plural(all, "is", "are"), r.Role.Name)
		case len(target) > 3:
			n, _ := names(target)
			return fmt.Sprintf("%s, %s, among others, are short of the %s bar.", lead, n, r.Target.Name)
		case len(target) > 0:
			n, all := names(target)
			return fmt.Sprintf("%s, only %s %s short of the %s bar.", lead, n, plural(all, "is", "are"), r.Target.Name)
		}
		return fmt.Sprintf("%s, every assessed skill is at the %s bar.", lead, r.Target.Name)
	}
	if pl.Verdict.Kind != "not-yet" && pl.Verdict.Kind != "ready-soon" {
		return ""
	}
	// The gap that leads, for the comparison with the period before.
	switch {
	case len(role) > 0:
		names(role)
		r.lead = fmt.Sprintf("%s was below the %s bar", role[0].name, r.Role.Name)
	case 2*len(target) > pl.Readiness.Assessed:
		r.lead = fmt.Sprintf("most of the %s bar was still ahead", r.Target.Name)
	case len(target) > 0:
		names(target)
		r.lead = fmt.Sprintf("%s was short of the %s bar", target[0].name, r.Target.Name)
	}
	// Levels set lower for a return from leave are re-entry, not gaps: the
	// plan counts them apart, and so does this sentence, in the review's
	// words for them, which name the leave once only (cold read 20,
	// finding 12).
	meets := fmt.Sprintf("every assessed skill meets the %s bar", r.Role.Name)
	if gaps := pl.ReentryGaps(); pl.Returned != "" && len(gaps) > 0 {
		var set []string
		for _, g := range gaps {
			set = append(set, lowerFirst(g.Name))
		}
		meets = fmt.Sprintf("every assessed skill meets the %s bar but %s, set for the fresh start", r.Role.Name, plans.AndList(set))
	}
	switch {
	case len(role) > 4:
		n, _ := names(role)
		return fmt.Sprintf("%s: %s, among others, are still below the %s bar.", lead, n, r.Role.Name)
	case len(role) > 0:
		n, all := names(role)
		if all == 4 {
			n = plans.AndList([]string{role[0].name, role[1].name, role[2].name, role[3].name})
		}
		return fmt.Sprintf("%s: %s %s still below the %s bar.", lead, n, plural(all, "is", "are"), r.Role.Name)
	case 2*len(target) > pl.Readiness.Assessed:
		n, _ := names(target)
		return fmt.Sprintf("%s: %s, and most of the %s bar is still ahead, in %s, among others.", lead, meets, r.Target.Name, n)
	case len(target) > 4:
		n, _ := names(target)
		return fmt.Sprintf("%s: %s; %s, among others, are still short of the %s bar.", lead, meets, n, r.Target.Name)
	case len(target) > 0:
		n, all := names(target)
		if all == 4 {
			n = plans.AndList([]string{target[0].name, target[1].name, target[2].name, target[3].name})
		}
		return fmt.Sprintf("%s: %s; %s %s still short of the %s bar.", lead, meets, n, plural(all, "is", "are"), r.Target.Name)
	}
	return ""
}

// amongOthers is ", among others" after the first three of more.
func amongOthers(n int) string {
	if n > 3 {
		return ", among others,"
	}
	return ""
}

func roleRef(m *skills.Matrix, id string) plans.RoleRef {
	if r := m.Role(id); r != nil {
		return plans.RoleRef{ID: r.ID, Name: r.Name}
	}
	return plans.RoleRef{ID: id, Name: id}
}

func levelText(l plans.LevelText) string {
	if l.Value == 0 {
		return "not assessed"
	}
	if l.Name == "" {
		return fmt.Sprint(l.Value)
	}
	return fmt.Sprintf("%d %s", l.Value, l.Name)
}

func levelOrNone(m *skills.Matrix, n int) string {
	if n == 0 {
		return "not assessed"
	}
	return levelName(m, n)
}

func short(hash string) string {
	if len(hash) > 7 {
		return hash[:7]
	}
	return hash
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ReviewsOutput is `coach review --format json`.
type ReviewsOutput struct {
	Version int       `json:"version"`
	Reviews []*Review `json:"reviews"`
}

// promotion is the plan's promotion step for someone ready now (cold read
// 9, finding 6): who makes the case and when, from the plan's own
// commitments, and, for someone at the target's bar for a while, since
// when; the talk about staying is the plan's and the agenda's, never the
// review's. "" when the plan makes no case.
func promotion(pl *plans.Plan, first string) string {
	if pl.Verdict.Kind != "ready-now" {
		return ""
	}
	stay := pl.StayingAt()
	made := slices.ContainsFunc(pl.Commitments, plans.MakesCase)
	if !made {
		return ""
	}
	who, makes := cmp.Or(pl.Person.ManagerName, "The manager"), "makes"
	if with := pl.CaseWith(); with != "" {
		who, makes = who+" and "+with, "make"
	}
	out := fmt.Sprintf("%s %s the case for %s as %s at the next promotion round, with the evidence in the plan.", who, makes, first, pl.Target.Name)
	if stay != "" && pl.AtBarSince != "" {
		// When the talk about staying is held stays in the plan and the
		// agenda: a review feeds calibration, and says only how long.
		out += fmt.Sprintf(" %s has been at the %s bar since %s.", first, pl.Target.Name, pl.AtBarSince)
	}
	return out
}

// handover says a manager's move to the individual-contributor track, read
// from their own file, and the hand-over of the people who name them as
// their manager, as the main event of the period (cold read 10, finding
// 15: Sam Lee's review did not mention it). The review is between the
// manager and their own manager, so the move, kept out of the reports'
// plans, is said here.
func (r *Review) handover(in ReviewInput) string {
	p, m := in.Person, in.Matrix
	role := m.Role(p.Role)
	if p.Aspiration == nil || p.Aspiration.Track != skills.TrackIC || role == nil || !role.Leads || len(in.Reports) == 0 {
		return ""
	}
	with := "their manager"
	if r.Manager != nil {
		with = r.Manager.Name
	}
	toward := ""
	if t := m.Role(r.Target.ID); t != nil && t.ID != role.ID && !t.Leads {
		toward = ", towards " + r.Target.Name
	}
	r.reports = plans.AndList(in.Reports)
	return fmt.Sprintf("The main event of the period: %s wants to move to the individual-contributor track%s, handing over %s. Who leads each of them, and from when, is agreed with %s before anything is announced; handing them over well is part of the move, and of %s's next review.",
		r.First, toward, plans.AndList(in.Reports), with, r.First)
}

// carry says, for a manager handing their people over to move to the
// individual-contributor track, which open goals are people-management
// (a skill the role they leave asks more of than their target does):
// carried only until the hand-over, while the next period's goals come
// from the target's bar (issue 20, rule 3). "" when there is no hand-over
// or no such goal.
func (r *Review) carry(in ReviewInput) string {
	m := in.Matrix
	role, target := m.Role(r.Role.ID), m.Role(r.Target.ID)
	if r.Handover == "" || role == nil || target == nil || target.Leads {
		return ""
	}
	for _, g := range append(slices.Clone(r.Overdue), r.Open...) {
		if g.Rework == "" && slices.ContainsFunc(g.Skills, func(ref plans.SkillRef) bool {
			s := m.Skill(ref.ID)
			return s != nil && s.Expect[role.ID] > s.Expect[target.ID]
		}) {
			r.carried = append(r.carried, g.Text)
		}
	}
	if len(r.carried) == 0 {
		return ""
	}
	var quoted []string
	for _, g := range r.carried {
		quoted = append(quoted, fmt.Sprintf("\"%s\"", g))
	}
	return fmt.Sprintf("Carried only until the hand-over: %s %s people-management %s, and %s keeps %s until %s %s led by someone else. The next period's goals come from the %s bar.",
		plans.AndList(quoted), plural(len(quoted), "is a", "are"), plural(len(quoted), "goal", "goals"), r.First, plural(len(quoted), "it", "them"), r.reports, plural(len(in.Reports), "is", "are"), r.Target.Name)
}

// opening is the first sentence written in a self-review, as plain text:
// the first section with words in it, its first line, up to its first full
// stop; "" when nothing is written.
func opening(sections []SelfSection) string {
	for _, sec := range sections {
		text := strings.TrimSpace(string(sec.Text))
		if text == "" {
			continue
		}
		line, _, _ := strings.Cut(text, "\n")
		line = strings.TrimSpace(strings.TrimLeft(line, "-*#> "))
		for i := 0; i+1 < len(line); i++ {
			if strings.ContainsRune(".!?", rune(line[i])) && line[i+1] == ' ' {
				return line[:i+1]
			}
		}
		return line
	}
	return ""
}

// reviewQuoted is an evidence text as a review quotes it: a review feeds
// calibration, so an entry recording a return from leave is quoted for
// the work it names alone ("Back from leave; met each manager" reads "Met
// each manager"), and the leave stays in the manager's own prep; an entry
// that is the return and nothing else is quoted as "".
func reviewQuoted(text string) string {
	q := plans.Quoted(text)
	if q == text && !strings.HasPrefix(q, "Back from leave") {
		return text
	}
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(q, "Back from leave"), ";"))
	if rest == "" {
		return ""
	}
	return strings.ToUpper(rest[:1]) + rest[1:]
}

// kept says the latest assessment kept the levels the review lists, when
// the review reads it and it set none of them: the header's "read as of"
// day is then not the day the levels were set (VP cold read: "Read as of:
// 2026-11-17" above levels "set on 2026-10-12").
func (r *Review) kept() string {
	if r.AsOf == r.Until || len(r.Events) == 0 {
		return ""
	}
	last := ""
	for _, e := range r.Events {
		last = max(last, e.Date)
	}
	if last == "" || last >= r.AsOf {
		return ""
	}
	return fmt.Sprintf("The latest assessment, on %s, kept %s: it is the one this review reads.", r.AsOf, plural(r.levelCount(), "this level", "these levels"))
}

// levelCount is how many levels the review's events set or moved.
func (r *Review) levelCount() int {
	n := 0
	for _, e := range r.Events {
		if e.Baseline != nil {
			n += e.Baseline.Moved
		} else {
			n++
		}
	}
	return n
}
