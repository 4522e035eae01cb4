// Package plans computes what coach generates, as plain data: a person's
// individual development plan, and from it the weekly 1:1 agenda and the
// pull-request summary. It reads no files and no clock: the matrix, the
// people, their history and any date come in as values, so the same inputs
// always give the same plan.
//
// One concern a file. The plan: plan.go (the document and Build), rank.go
// (which skills are the focus, and why), advice.go (actions, questions,
// resources, strengths' use, the manager's commitments), glance.go (the
// first screen's evidence and milestones), verdict.go (VerdictOf),
// onboarding.go (a new hire's 90 days) and progress.go (the plan period,
// from history). The agenda: agenda.go (BuildAgenda and the weekly
// rotation), agendaread.go (reading the last agenda) and agendatalk.go (the
// prep note, career and quarterly conversations). review.go is coach diff.
//
// A plan is committed beside the skill file it comes from and checked in CI
// (`coach plan --all --check`), so it must depend only on what the commit
// holding it contains: the matrix, coach.toml, the templates, the skill
// file, and the history of the skill file before its latest change (see
// [Committed]). Its "today" is read from the file ([TodayOf]); its progress
// starts from a version committed before the plan period (see progress.go).
// Nothing comes from the date, author, message or hash of the commit that
// will hold it, so committing, merging, squashing or rebasing keeps it
// current.
package plans

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/coach-dev/coach/internal/parallel"
	"github.com/coach-dev/coach/skills"
)

// Standing is how a level compares with an expected level.
type Standing string

// The standings of a skill against a role's expectation.
const (
	Below       Standing = "below"
	Meets       Standing = "meets"
	Exceeds     Standing = "exceeds"
	NotAssessed Standing = "not assessed"
	// NotJudged is a level too early to hold against a bar: a new hire's,
	// or one of the few assessed so far.
	NotJudged Standing = "not judged yet"
	// Reentry is a level rated down after a return from leave: neither
	// a gap nor held against the person, but a level to re-assess.
	Reentry Standing = "to re-assess together"
)

// StandingOf compares level with expect; level 0 is not assessed.
func StandingOf(level, expect int) Standing {
	switch {
	case level == 0:
		return NotAssessed
	case level < expect:
		return Below
	case level > expect:
		return Exceeds
	}
	return Meets
}

// Input is everything a plan is computed from.
type Input struct {
	Matrix *skills.Matrix
	Config skills.Config
	Person *skills.Person
	// Team is every person in the repository, the person included; it
	// decides who could mentor whom.
	Team []*skills.Person
	// Index is IndexTeam(Matrix, Config, Team), computed once for a run that
	// plans many people; nil computes it here.
	Index *TeamIndex
	// History is the committed history of the person's skill file before
	// its latest change (any order): when the file as it is now is the
	// version committed at HEAD, the changes of that commit are left out
	// (see Committed). It gives the progress section's starting point.
	History []skills.Change
	// Feedback are the dates of the peer feedback about the person, oldest
	// first: the plan counts it and never reads it.
	Feedback []string
}

// FeedbackCount is how much peer feedback there is about a person, and
// since when: never what it says.
type FeedbackCount struct {
	Count int    `json:"count"`
	Since string `json:"since"`
}

// Plan is an individual development plan.
type Plan struct {
	Person Who        `json:"person"`
	Role   RoleRef    `json:"role"`
	Target RoleRef    `json:"target"`
	Skills []SkillRow `json:"skills"`
	// Feedback counts the peer feedback about the person, when there is
	// some.
	Feedback *FeedbackCount `json:"feedback,omitempty"`
	// progressOwn are the entries of the period quoted nowhere else in
	// the plan (see ProgressEvidence).
	progressOwn []EvidenceItem
	// Readiness is measured against the target role; Current against the
	// person's own role.
	Readiness Readiness `json:"readiness"`
	Current   Readiness `json:"current"`
	// Shifts are the transition's changes of mindset; empty when the matrix
	// has no transition for role -> target.
	Shifts []string `json:"shifts"`
	Focus  []Focus  `json:"focus"`
	// AssessFirst are skills with no level: they are not guessed.
	AssessFirst []SkillRef `json:"assess_first"`
	// AssessSession is the sentence that books one session for many
	// skills with no level (more than assessInOnes), rather than a list of
	// them for the weekly 1:1s (cold read 18, finding 20); "" for few.
	AssessSession string `json:"-"`
	// Ready is true when every assessed skill meets the target's bar;
	// Stretch then names the role after the target, if any: the plan never
	// plans against it (the focus is the case for the target).
	Ready   bool     `json:"ready"`
	Stretch *RoleRef `json:"stretch,omitempty"`
	// Strengths are the strengths the plan, its review and its agendas
	// name (see earnedStrengths): above the job's bar or at the top of the
	// scale, on the levels as rated, ordered by the evidence behind them.
	Strengths []Strength `json:"strengths"`
	// BuildOn is what someone with no strength to name can build on, from
	// their own evidence; nil with a strength, for a new hire, or with no
	// evidence that speaks for a skill.
	BuildOn *BuildOn `json:"build_on,omitempty"`
	// StrengthsOn is the caveat of Strengths named on a new manager's
	// first assessment not yet calibrated, in one clause; "" otherwise.
	StrengthsOn string `json:"strengths_on,omitempty"`
	// StrengthsEarlier says, under StrengthsOn, that the examples quoted
	// predate the assessment they are named on: they showed the level
	// before it (cold read 12, finding 1).
	StrengthsEarlier string `json:"-"`
	// StrengthsUnshown names, once, the levels two or more above the bar
	// on that uncalibrated assessment with no example written for them:
	// left out of Strengths, they are the first the calibration tests
	// (cold read 14, finding 14).
	StrengthsUnshown string `json:"-"`
	// LevelOnly are the levels earnedStrengths found on the assessment
	// alone, which StrengthsUnshown names: a review lists them with a note
	// asking the manager for the example before it is shared.
	LevelOnly []Strength `json:"-"`
	// Mentors are the teammates `coach team` pairs with the person on their
	// focus skills; Mentoring the people this person mentors, a strength
	// put to use.
	Mentors []MentorLink `json:"mentors"`
	// MentoredBy says who mentors the person because it is a goal of their
	// own plan; "" when nobody's goal names them.
	MentoredBy string `json:"mentored_by,omitempty"`
	// AlsoMentoredBy names the teammates whose own evidence records
	// mentoring the person, beyond the mentors above, one line each.
	AlsoMentoredBy []string `json:"also_mentored_by,omitempty"`
	// MentorsOutside are the focus skills nobody in the team can mentor this
	// time, each said with who could from outside it, one line each.
	MentorsOutside []string `json:"mentors_outside,omitempty"`
	// outside is what the commitment to introduce that mentor says: the
	// skills (lowered), who could, and who is asked for the introduction.
	outside        *outsideMentor
	mentoredByName string
	Mentoring      []MentorLink   `json:"mentoring"`
	Conversations  []Conversation `json:"conversations"`

	// SettledAtAssessment are a new hire's ratings that differ from the
	// manager's: not opened in the first 90 days, and settled at the first
	// full assessment, which the plan dates (cold read 20, finding 18).
	SettledAtAssessment []Conversation `json:"settled_at_assessment,omitempty"`

	Goals    []GoalItem `json:"goals"`
	Progress Progress   `json:"progress"`
	// Today is the plan's "today", read from the skill file.
	Today Today `json:"today"`
	// Verdict is the readiness for the target role (see VerdictOf), and
	// VerdictEvidence the facts it rests on, one a line.
	Verdict         Verdict  `json:"verdict"`
	VerdictEvidence []string `json:"verdict_evidence"`
	// Milestones are the 30/60/90-day checkpoints, dated from the plan's
	// start (see Start).
	Milestones []Milestone `json:"milestones"`
	// Commitments are what the manager commits to.
	Commitments []string `json:"commitments"`
	// Start is the day the milestones count from: plan_start when it comes
	// after the assessment, else the assessment date.
	Start string `json:"start,omitempty"`
	// NextReview is the date of the next review, every ReviewMonths months
	// from the assessment date.
	NextReview   string `json:"next_review,omitempty"`
	ReviewMonths int    `json:"review_months"`
	// ReviewFile is where the review held on NextReview is written (see
	// ReviewPath), whether or not it is written yet.
	ReviewFile string `json:"review_file,omitempty"`
	// Onboarding is set for a new hire: their first 90 days.
	Onboarding *Onboarding `json:"onboarding,omitempty"`
	// Welcome is a new hire's At a glance, in their manager's voice.
	Welcome string `json:"-"`
	// Baseline is the latest assessment that set the levels rather than
	// moved them, when it falls in the plan period or is the file as it
	// stands: progress counts from it (see baseline.go).
	Baseline *Baseline `json:"baseline,omitempty"`
	// Calibration is set when the readiness rests on ratings not yet
	// calibrated: what must be, and with whom.
	Calibration string `json:"calibration,omitempty"`
	// Returned is the day the person came back from a long leave, within
	// the plan's 90 days; Reentry the skills rated below the bar since.
	Returned string   `json:"returned,omitempty"`
	Reentry  []string `json:"reentry,omitempty"`
	// FirstTimeManager is set when the person moved into leading people
	// within the plan period.
	FirstTimeManager bool `json:"first_time_manager,omitempty"`
	// AtBarSince is the day from which every assessed skill has met the
	// target's bar, when the history shows it.
	AtBarSince string `json:"at_bar_since,omitempty"`
	// FocusNote says why the plan has fewer focus skills than it asks for.
	FocusNote string `json:"focus_note,omitempty"`
	// ICTrack names the people-leading role the person's role leads to by
	// default, when they chose an individual-contributor target instead.
	ICTrack string `json:"ic_track,omitempty"`
	// RatesApart is set in a manager's own plan when their ratings of their
	// people stand apart from the other managers': what to calibrate, and
	// with whom.
	RatesApart string `json:"rates_apart,omitempty"`
	// MustChange is what must have moved by the next review for someone
	// below their current role's bar, from their own goals and setbacks.
	MustChange []string `json:"must_change,omitempty"`
	// Concern is set when the gaps to the current role's bar are serious:
	// two or more, with a setback or a lowered level among them. The plan
	// then says, humanely, what happens if they do not move.
	Concern bool `json:"concern,omitempty"`
	// People are the lines about the people whose plans link to this one:
	// for a people leader, their reports' onboarding, a first-time manager,
	// a fit in question and a goal that waits on the leader's own; for
	// anyone, the new hire they are onboarding buddy to. Leads is set when
	// the person's role leads people.
	People []string `json:"people,omitempty"`
	Leads  bool     `json:"leads,omitempty"`
	// Aspiration is what the person wants, from their skill file, and how
	// the plan stands to it (see aspiration.go); nil when the file is silent.
	Aspiration *Aspiration `json:"aspiration,omitempty"`
	// ManagerCall is how the plan names the manager in its prose: their
	// first name, their full name when it is shared, else "your manager".
	ManagerCall string `json:"manager_call"`
	// calibrateWith is who calibrates the baseline (the manager's manager);
	// evidence is the person's evidence, for the verdict's facts.
	calibrateWith string
	// handover is the manager's move off leading people, nil when none;
	// cosponsor the manager's manager, who makes the promotion case with
	// the manager (see cosponsorOf), "" when the manager makes it alone.
	handover  *handover
	cosponsor string
	// weekday is the team's 1:1 weekday, for the day of the next career
	// conversation.
	weekday  time.Weekday
	evidence []skills.Evidence
	// moves are the transition's shifts with what the file shows of each
	// (see MoveOfMonth).
	moves []move
	// buddyTo are the first names of the new hires the person is
	// onboarding buddy to, in their first 90 days.
	buddyTo []string
	// coachee is the less experienced teammate someone at the target's
	// bar coaches in the target role's terms (see coacheeOf), "" when the
	// team has none.
	coachee string
	person  *skills.Person
	// raised are the skills whose level was raised in a batch without
	// evidence (the latest on raisedOn), matrix order; backed the readiness
	// for the target and the current role on the levels before them, which
	// the verdict is judged on.
	raised   []string
	raisedOn string
	backed   *[2]Readiness
	// lowered are the levels set lower in the period with no example
	// written down behind them, matrix order: counted at the level before
	// (backed counts them so) until the example is written down.
	lowered []lowering
	// targetLeads is set when the target role leads people; targetFull
	// when the team's shape wants no more people in the target role than
	// it has: no role is opening up.
	targetLeads, targetFull bool
	// owed is what the person owes their own people, for their agendas
	// (see yourPeople).
	owed []owedItem
	// waiting are the person's goals that wait on their manager's overdue
	// goal, with the manager's call name; waitNote says so for each goal a
	// focus was dropped for.
	waiting  map[string]string
	waitNote []string
	// handOver is, for each of those goals, the manager's overdue goal it
	// waits on: the manager's prep in the person's agenda names it.
	handOver map[string]skills.Goal
	// waitedOn is, for each of the person's own overdue goals that a
	// report's goal waits on, that report's call name (the first, in the
	// team's order).
	waitedOn map[string]string
	// above are the names of those the person's manager reports to, up
	// the chain: a level one of them wrote in the file is the manager's
	// assessment recorded for them (see olderRater).
	above []string
	// calibrators says who a calibration goal of the person's is held
	// with: the peers under the same leader; noCalibrators, when there are
	// none, why it cannot be held as written (see calibrateWithWhom).
	calibrators, noCalibrators string
	// pace is the time the person's dated aspiration leaves against what
	// the gap takes, as the plan's path says it (see pathSteps); nil when
	// the plan says nothing of it.
	pace *datePace
}

// Milestone is a dated checkpoint of the plan.
type Milestone struct {
	// Label replaces the day when the checkpoint is not counted in days
	// ("At the next 1:1").
	Label string `json:"label,omitempty"`
	Days  int    `json:"days"`
	Date  string `json:"date,omitempty"`
	// When is the checkpoint as people date things: "By 31 January 2027",
	// or "By day 30" when the plan has no start date.
	When string `json:"when,omitempty"`
	Text string `json:"text"`
}

// Who names the person.
type Who struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Path    string `json:"path"`
	Manager string `json:"manager,omitempty"`
	// ManagerName is the manager's name, from their skill file or their
	// [[leader]] in coach.toml.
	ManagerName string `json:"manager_name,omitempty"`
	PlanStart   string `json:"plan_start,omitempty"`
	// Joined is the person's first day in the team, when the file says.
	Joined string `json:"joined,omitempty"`
}

// RoleRef names a role.
type RoleRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Default is true when the target was not written in the skill file
	// and comes from the role's next.
	Default bool `json:"default,omitempty"`
	// Wanted is true when the target was not written in the skill file
	// and comes from the person's aspiration.
	Wanted bool `json:"wanted,omitempty"`
}

// SkillRef names a skill.
type SkillRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// SkillRow is one skill's line in the plan's table.
type SkillRow struct {
	SkillRef
	Pillar       string `json:"pillar"`
	Level        int    `json:"level"`
	LevelName    string `json:"level_name"`
	ExpectRole   int    `json:"expect_role"`
	ExpectTarget int    `json:"expect_target"`
	// ExpectRoleName and ExpectTargetName name the bars ("none" for 0).
	ExpectRoleName   string   `json:"expect_role_name"`
	ExpectTargetName string   `json:"expect_target_name"`
	Standing         Standing `json:"standing"`
	// CountedAs is the earlier level a raise without evidence counts at,
	// the level Standing is judged on; 0 when the level counts as it is.
	CountedAs int `json:"counted_as,omitempty"`
}

// Readiness counts the skills at or above a role's bar.
type Readiness struct {
	Role     RoleRef `json:"role"`
	Met      int     `json:"met"`
	Total    int     `json:"total"`
	Assessed int     `json:"assessed"`
	// Gap is the sum of levels missing to reach the bar.
	Gap   int        `json:"gap"`
	Below []SkillGap `json:"below"`
}

// SkillGap is a skill below a bar.
type SkillGap struct {
	SkillRef
	Level      int    `json:"level"`
	LevelName  string `json:"level_name"`
	Expect     int    `json:"expect"`
	ExpectName string `json:"expect_name"`
}

// Focus is one focus skill of the plan, with why it was chosen and what to do.
type Focus struct {
	SkillRef
	Pillar   string   `json:"pillar"`
	Personas []string `json:"personas"`
	Pinned   bool     `json:"pinned"`
	// BelowRole is true when the person is below their own role's bar.
	BelowRole bool    `json:"below_role"`
	Gap       int     `json:"gap"`
	Weight    float64 `json:"weight"`
	// Reasons say why the skill was chosen, in words, strongest first; Why
	// joins them, and Summary is the skill in one line for the first screen.
	Reasons []string  `json:"reasons"`
	Why     string    `json:"why"`
	Summary string    `json:"summary"`
	Level   LevelText `json:"level"`
	Next    LevelText `json:"next"`
	Expect  int       `json:"expect"`
	// ExpectName is the name of the level Expect.
	ExpectName string `json:"expect_name"`
	// StretchPast is set when the skill is at or above the target's bar
	// and Next is the level above it all the same: the name of the role
	// whose bar it steps past (the target). StretchRole is the first role
	// up the ladder from the target that works at Next, "" when none does.
	StretchPast string   `json:"stretch_past,omitempty"`
	StretchRole string   `json:"stretch_role,omitempty"`
	Actions     []Action `json:"actions"`
	Question    string   `json:"question"`
	Goals       []string `json:"goals"`
	Evidence    []string `json:"evidence"`
	// Resources are ways to learn the skill: a practice at work first, then
	// a person, then reading.
	Resources []skills.Resource `json:"resources"`
	// WorkIn is where the person practises the skill at work, in their
	// own terms: their goal that uses it, or the step they are taking;
	// WhoFirst the teammate the plan pairs them with on it, "" for none.
	// "Learn from" names them, so that two plans never read alike.
	WorkIn   string `json:"-"`
	WhoFirst string `json:"-"`
	// Noted is who wrote the person's latest setback on the skill, in an
	// agenda's words ("my note"): set by the agenda from the history.
	Noted string `json:"-"`
	// AtTop is set when the skill is at the top of the scale for someone
	// who is asked for new work: the focus is the goal it serves.
	AtTop bool `json:"at_top,omitempty"`
	// Uncalibrated is set when the level stands on a re-baseline nobody has
	// calibrated: no stretch is planned on it until the calibration.
	Uncalibrated bool `json:"uncalibrated,omitempty"`
	// Lowered is set when the level was set lower in the period with no
	// example written down: the focus is held at the level counted, and
	// asks for the example that settles it, never for the level above.
	Lowered bool `json:"lowered,omitempty"`
}

// LevelText is a level with its name and what it looks like for a skill.
type LevelText struct {
	Value      int    `json:"value"`
	Name       string `json:"name"`
	Descriptor string `json:"descriptor"`
}

// Words names the level in a sentence (see [skills.LevelWords]).
func (l LevelText) Words() string { return skills.LevelWords(l.Value, l.Name) }

// Action is something to do, and the evidence that will show it was done.
type Action struct {
	Text     string `json:"text"`
	Evidence string `json:"evidence"`
	// After is Text said as the step beyond the person's own goal on the
	// skill, done in the plan period, which it names; "" when none is.
	After string `json:"after,omitempty"`
	// InPlan and EvidenceInPlan are the action (After or Text) and its
	// evidence as the plan says them, scoped to its period when they run
	// longer (see scopeFocusToPlan); "" when they are said as they are.
	InPlan         string `json:"in_plan,omitempty"`
	EvidenceInPlan string `json:"evidence_in_plan,omitempty"`
	// Started is set on a week's step that runs for months, begun this
	// week (see longAction).
	Started bool `json:"-"`
}

// Strength is a skill above the current role's bar or at the top of the
// scale, what shows it, how to use it, and the teammates `coach team` pairs with this person to mentor in
// it.
type Strength struct {
	SkillRef
	Level      int    `json:"level"`
	LevelName  string `json:"level_name"`
	Expect     int    `json:"expect"`
	ExpectName string `json:"expect_name"`
	ExpectRole int    `json:"expect_role"`
	// AboveTarget is set when the level exceeds the target's bar, not only
	// the current role's.
	AboveTarget bool `json:"above_target"`
	// Shows is the latest evidence behind it, "" when the level alone does.
	Shows   string      `json:"shows,omitempty"`
	Use     string      `json:"use"`
	Mentees []PersonRef `json:"mentees"`
}

// Conversation is a skill where the self-assessment and the manager's differ.
type Conversation struct {
	SkillRef
	Self        int    `json:"self"`
	SelfName    string `json:"self_name"`
	Manager     int    `json:"manager"`
	ManagerName string `json:"manager_name"`
	// Direction is "lower" when the person rates themselves below the
	// manager, "higher" above; Question is the one to open the talk with.
	Direction string `json:"direction"`
	Question  string `json:"question"`
}

// GoalItem is a goal with its due date.
type GoalItem struct {
	Text    string     `json:"text"`
	Skills  []SkillRef `json:"skills"`
	Due     string     `json:"due,omitempty"`
	Overdue bool       `json:"overdue"`
}

// Build computes the plan of in.Person. The skill file is expected to be
// valid (see skills.Repo.Valid); unknown ids are skipped, never guessed.
func Build(in Input) (*Plan, error) {
	m, p := in.Matrix, in.Person
	role := m.Role(p.Role)
	if role == nil {
		return nil, fmt.Errorf("%s: unknown role %q", p.Path, p.Role)
	}
	targetID := p.TargetRole(m)
	target := m.Role(targetID)
	if target == nil {
		return nil, fmt.Errorf("%s: unknown target role %q", p.Path, targetID)
	}
	pl := &Plan{
		Person: Who{ID: p.ID, Name: p.Name, Path: p.Path, Manager: p.Manager, PlanStart: date(p.PlanStart), Joined: date(p.Joined)},
		Role:   RoleRef{ID: role.ID, Name: role.Name},
		Target: RoleRef{ID: target.ID, Name: target.Name, Default: p.Target == ""},
	}
	if p.Target == "" && p.Aspiration.Wants(m, p.Role) != "" {
		pl.Target.Default, pl.Target.Wanted = false, true
	}
	if len(in.Feedback) > 0 {
		pl.Feedback = &FeedbackCount{Count: len(in.Feedback), Since: in.Feedback[0]}
	}
	if len(m.Skills) > 0 {
		pl.Skills = make([]SkillRow, 0, len(m.Skills)) // a row for every skill
	}
	for _, s := range m.Skills {
		lvl := p.Levels[s.ID]
		pl.Skills = append(pl.Skills, SkillRow{
			SkillRef: ref(&s), Pillar: pillarName(m, s.Pillar), Level: lvl, LevelName: levelName(m, lvl),
			ExpectRole: s.Expect[role.ID], ExpectTarget: s.Expect[target.ID],
			ExpectRoleName: expectName(m, s.Expect[role.ID]), ExpectTargetName: expectName(m, s.Expect[target.ID]),
			Standing: StandingOf(lvl, s.Expect[target.ID]),
		})
		if lvl == 0 && !notYetAsked(&s, role, target) {
			pl.AssessFirst = append(pl.AssessFirst, ref(&s))
		}
	}
	pl.Readiness = readiness(m, p, target)
	pl.Current = readiness(m, p, role)
	if t := m.Transition(role.ID, target.ID); t != nil && role.ID != target.ID {
		pl.Shifts = t.Shifts
	}
	team := in.Index
	if team == nil {
		team = IndexTeam(m, in.Config, in.Team)
	}
	// The baseline comes before the focus: levels a re-baseline set that
	// nobody has calibrated hold no stretch past the target's bar.
	pl.Person.ManagerName = team.names[p.Manager]
	pl.Today = TodayOf(p)
	cl := countedLevels(m, p, in.History, pl.Person.ManagerName)
	raised, lowered := cl.raised, cl.lowered
	pl.Progress = cl.progress
	if len(raised) > 0 || len(lowered) > 0 {
		// Levels raised in a batch without evidence support no verdict:
		// it is judged on the levels before them.
		for id := range raised {
			pl.raised = append(pl.raised, id)
		}
		for id, u := range lowered {
			s := m.Skill(id)
			pl.lowered = append(pl.lowered, lowering{SkillRef: ref(s), To: p.Levels[id], From: u.From, FromName: levelName(m, u.From), On: u.On})
		}
		slices.SortFunc(pl.raised, func(a, b string) int { return cmp.Compare(skillOrder(m, a), skillOrder(m, b)) })
		slices.SortFunc(pl.lowered, func(a, b lowering) int { return cmp.Compare(skillOrder(m, a.ID), skillOrder(m, b.ID)) })
		rd, cur := readiness(m, cl.person, target), readiness(m, cl.person, role)
		pl.backed = &[2]Readiness{rd, cur}
		for i, row := range pl.Skills {
			u, ok := raised[row.ID]
			if !ok {
				u, ok = lowered[row.ID]
			}
			if ok {
				// The table counts what the verdict counts: one value.
				pl.Skills[i].CountedAs = u.From
				pl.Skills[i].Standing = StandingOf(u.From, row.ExpectTarget)
			}
		}
		for _, u := range raised {
			pl.raisedOn = max(pl.raisedOn, u.On)
		}
		if len(lowered) > 0 {
			// The focus reads the levels the plan counts: a skill only the
			// lowering put below a bar is no focus of its own.
			q := *p
			q.Levels = maps.Clone(p.Levels)
			for id, u := range lowered {
				q.Levels[id] = u.From
			}
			in.Person = &q
		}
	}
	pl.Baseline = pl.Progress.Baseline
	var held map[string]lowering
	for _, l := range pl.lowered {
		if held == nil {
			held = map[string]lowering{}
		}
		held[l.ID] = l
	}
	pl.Focus = focus(in, role, target, team, pl.uncalibrated(), held)
	in.Person = p
	newHire := NewHire(p, TodayOf(p).day)
	if len(pl.Readiness.Below) == 0 && pl.Readiness.Assessed > 0 && pl.Readiness.Assessed*2 >= pl.Readiness.Total && !newHire {
		// A bar is met on most skills, not on the few assessed so far.
		pl.Ready = true
		if target.Next != "" {
			if next := m.Role(target.Next); next != nil {
				pl.Stretch = &RoleRef{ID: next.ID, Name: next.Name}
			}
		}
	}
	pl.Person.ManagerName = team.names[p.Manager]
	for id, seen := p.Manager, map[string]bool{p.ID: true}; id != "" && !seen[id]; {
		seen[id] = true
		mgr := team.people[id]
		if mgr == nil {
			break
		}
		id = mgr.Manager
		if n := team.names[id]; n != "" {
			pl.above = append(pl.above, n)
		}
	}
	pl.Mentors, pl.Mentoring = team.mentoring(m, p.ID)
	learnFromWho(pl)
	pl.MentorsOutside, pl.outside = mentorsOutside(m, team.unpaired[p.ID], target, pl.above)
	if gm, ok := team.goalMentor[p.ID]; ok {
		until := ""
		if gm.Due != "" {
			until = " to " + gm.Due
		}
		who := team.names[gm.Mentor]
		pl.mentoredByName = who
		pl.MentoredBy = fmt.Sprintf("%s mentors you%s, a goal in %s own plan (\"%s\"): bring your live work to your sessions, and say what you need from them.",
			who, until, possessive(team.callName(team.people[gm.Mentor])), gm.Goal)
	}
	pl.ManagerCall = team.managerCall(p)
	pl.weekday = in.Config.Agenda.WeekdayValue()
	pl.AlsoMentoredBy = alsoMentoredBy(p, team, pl.Mentors, pl.mentoredByName)
	pl.Conversations = conversations(m, p, pl.ManagerCall)
	pl.Today = TodayOf(p)
	pl.Goals = goals(m, p, pl.Today.day)
	pl.AssessSession = assessSession(p, len(pl.AssessFirst), pl.Today.day, pl.ManagerCall)
	pl.calibrators, pl.noCalibrators = calibrateWithWhom(m, p, team)
	if mgr := team.people[p.Manager]; mgr != nil {
		// A goal that waits on the manager's own overdue goal is not the
		// person's to chase: the hand-over is the manager's commitment, and
		// a focus that only that goal brings in waits with it.
		pl.waiting, pl.handOver = map[string]string{}, map[string]skills.Goal{}
		for _, w := range waitsOn(mgr, p) {
			pl.waiting[w.theirs.Text] = team.callName(mgr)
			pl.handOver[w.theirs.Text] = w.yours
		}
		var dropped []string
		pl.Focus = slices.DeleteFunc(pl.Focus, func(f Focus) bool {
			if f.BelowRole || f.Level.Value < f.Expect || len(f.Goals) == 0 ||
				slices.ContainsFunc(f.Goals, func(g string) bool { return pl.waiting[g] == "" }) {
				return false
			}
			dropped = append(dropped, f.Goals...)
			return true
		})
		for _, g := range dropped {
			pl.waitNote = append(pl.waitNote, fmt.Sprintf("Your goal \"%s\" starts once %s hands the work over to you: the hand-over is among %s commitments below.", g, pl.waiting[g], possessive(pl.waiting[g])))
		}
	}
	for _, rc := range pl.Progress.Roles {
		if from, to := m.Role(rc.From.ID), m.Role(rc.To.ID); from != nil && to != nil && to.Leads && !from.Leads {
			pl.FirstTimeManager = true
		}
	}
	if back, _, ok := ReturnFromLeave(p); ok {
		pl.Returned = date(back)
		for _, g := range pl.Current.Below {
			pl.Reentry = append(pl.Reentry, g.ID)
		}
	}
	if pl.Returned != "" && len(pl.Reentry) > 0 {
		// Re-entry promises no new scope: the focus is the refresh and the
		// person's own goals, never a stretch towards the next role.
		pl.Focus = slices.DeleteFunc(pl.Focus, func(f Focus) bool { return !f.BelowRole && len(f.Goals) == 0 })
		// A level to re-assess together is "not counted as a gap": it is
		// no focus beside the skills the person's own goals bring, only
		// the place for their goal when nothing else is.
		if slices.ContainsFunc(pl.Focus, func(f Focus) bool { return !slices.Contains(pl.Reentry, f.ID) }) {
			pl.Focus = slices.DeleteFunc(pl.Focus, func(f Focus) bool { return slices.Contains(pl.Reentry, f.ID) && !f.Pinned })
		}
	}
	pl.AtBarSince = atBarSince(m, p, target, cl.sorted, cl.baselines)
	pl.evidence, pl.person = p.Evidence, p
	for i, e := range pl.Progress.Evidence {
		pl.Progress.Evidence[i].Text = spoken(e.Text, p, pl.ManagerCall)
	}
	if next := m.Role(role.Next); next != nil && p.Target != "" && next.ID != target.ID && next.Leads && !target.Leads && !role.Leads {
		pl.ICTrack = next.Name
	}
	pl.Calibration = calibration(pl, team, "you")
	baselineFocus(m, pl)
	pl.targetLeads, pl.Leads = target.Leads, role.Leads
	pl.targetFull = roleFull(m, in.Config, in.Team, target.ID)
	pl.handover = handoverOf(m, p, team)
	pl.cosponsor, _ = cosponsorOf(m, p, team)
	pl.RatesApart = team.ratesApart(p.ID)
	pl.Verdict = VerdictOf(pl)
	pl.Strengths = earnedStrengths(in, role, team, pl.Focus)
	if b := pl.Baseline; pl.Verdict.Kind == "held" && b != nil && len(pl.Strengths) > 0 {
		// Held on a re-baseline nobody calibrated: the strengths are named
		// on its levels, with that said once.
		who := "your manager"
		if pl.Person.ManagerName != "" {
			who = pl.Person.ManagerName
		}
		pl.StrengthsOn = strengthsOn(possessive(who), b.Date)
		pl.StrengthsEarlier = strengthsEarlier(unshownSplit(pl, true), b.Date)
	} else if len(pl.Strengths) > 0 {
		unshownSplit(pl, false)
	}
	if len(pl.Strengths) == 0 && !NewHire(p, TodayOf(p).day) {
		pl.BuildOn = buildOn(m, p, role)
	}
	var early []Conversation
	if pl.Verdict.Kind == "onboarding" || TooEarly(pl) {
		// Too early to judge: no skill is called below a bar yet.
		for i := range pl.Skills {
			if pl.Skills[i].Standing == Below || pl.Skills[i].Standing == Meets || pl.Skills[i].Standing == Exceeds {
				pl.Skills[i].Standing = NotJudged
			}
		}
		early = pl.Conversations
		pl.Conversations = nil
	}
	for i := range pl.Skills {
		if pl.Returned != "" && slices.Contains(pl.Reentry, pl.Skills[i].ID) {
			pl.Skills[i].Standing = Reentry
		}
	}
	pl.VerdictEvidence = verdictEvidence(pl)
	if line := stalled(pl, p.Focus, in.Config.Team.ReviewCycleDays); line != "" {
		pl.VerdictEvidence = append(pl.VerdictEvidence, line)
	}
	start := pl.Today.day
	if p.PlanStart.After(start) {
		start = p.PlanStart
	}
	pl.Start = date(start)
	pl.ReviewMonths = in.Config.Review.Months
	if pl.ReviewMonths <= 0 {
		pl.ReviewMonths = skills.DefaultConfig().Review.Months
	}
	if !p.Assessed.IsZero() {
		pl.NextReview = date(p.Assessed.AddDate(0, pl.ReviewMonths, 0))
	}
	buddy := ""
	if pl.Verdict.Kind == "onboarding" {
		// A new hire's 90 days run from their first day, when the file has
		// it, else from the plan period's start.
		switch {
		case !p.Joined.IsZero():
			start = p.Joined
			pl.Start = date(start)
		case !p.PlanStart.IsZero():
			start = p.PlanStart
			pl.Start = date(start)
		}
		buddy = onboardingBuddy(m, p, team)
		pl.Onboarding = onboarding(m, role, pl.Person.ManagerName, buddy, start, p.Evidence, p.Goals)
		if h := pl.handover; h != nil && len(pl.Onboarding.Meet) > 0 {
			// A manager handing over is "your manager", as the commitments
			// sign; the day-90 review their manager joins is where what
			// good looks like is agreed with them too (cold read 17).
			pl.Onboarding.Meet[0] = "Your manager: weekly 1:1s from the first week; agree what good looks like at day 90."
			if !pl.Today.day.IsZero() && start.AddDate(0, 0, 90).After(handoverEnd(pl)) {
				pl.Onboarding.Meet[0] = "Your manager: weekly 1:1s from the first week."
				pl.Onboarding.Meet = slices.Insert(pl.Onboarding.Meet, 1, fmt.Sprintf("%s, who joins your day-90 review: agree together what good looks like at day 90.", h.with))
			}
		}
		if pl.mentoredByName != "" && pl.mentoredByName == buddy {
			// The mentor a teammate's goal names is the new hire's buddy:
			// one person, said once, under "Who to meet".
			pl.MentoredBy, pl.mentoredByName = "", ""
		}
		// The first review of a new hire is their first full assessment.
		if pl.Onboarding.FirstAssessment != "" {
			pl.NextReview = pl.Onboarding.FirstAssessment
			pl.SettledAtAssessment = early
		}
	}
	pl.ReviewFile = reviewFile(p.ID, pl.NextReview)
	if len(pl.Focus) < in.Config.Plan.Focus {
		pl.FocusNote = focusNote(pl, in.Config.Plan.Focus)
		for _, n := range pl.waitNote {
			pl.FocusNote += " " + n
		}
		pl.FocusNote = strings.TrimSpace(pl.FocusNote)
	}
	if note := heldNote(pl); note != "" {
		pl.FocusNote = strings.TrimSpace(note + " " + pl.FocusNote)
	}
	if note := comesNext(pl); note != "" && pl.Verdict.Kind != "onboarding" {
		pl.FocusNote = strings.TrimSpace(pl.FocusNote + " " + note)
	}
	ownActions(in, team, pl)
	for _, id := range team.buddyTo[p.ID] {
		pl.buddyTo = append(pl.buddyTo, team.callName(team.people[id]))
	}
	pl.moves = movesOf(m, pl)
	pairsOfTeam(m, team, p, pl.Focus)
	scopeFocusToPlan(pl.Focus, pl.NextReview, daysTo(pl.Today.day, pl.NextReview))
	proposeOrgWide(pl)
	pl.Milestones = milestones(m, pl, start)
	pl.MustChange = mustChange(pl)
	pl.Concern = concern(pl)
	pl.coachee = coacheeOf(m, p, team)
	var mgrSetbacks []string
	if mgr := team.people[p.Manager]; mgr != nil {
		for _, e := range mgr.Evidence {
			if c := SetbackClause(e.Text); c != "" {
				mgrSetbacks = append(mgrSetbacks, c)
			}
		}
	}
	pl.Commitments = commitments(m, pl, team.callName(p), role.Leads, buddy, mgrSetbacks)
	pl.Welcome = welcome(pl, team.callName(p), buddy, p.Goals)
	pl.Commitments = append(pl.Commitments, waitCommitments(p, team)...)
	pl.People = peopleLines(m, p, team, pl.ReviewMonths)
	// A goal of the person's that a report's goal waits on: its agenda
	// never offers to let it go.
	for _, id := range team.reports[p.ID] {
		q := team.people[id]
		for _, w := range waitsOn(p, q) {
			if pl.waitedOn == nil {
				pl.waitedOn = map[string]string{}
			}
			if _, ok := pl.waitedOn[w.yours.Text]; !ok {
				pl.waitedOn[w.yours.Text] = team.callName(q)
			}
		}
	}
	pl.People = append(pl.People, teamSituation(m, in.Config, p, team)...)
	pl.owed = peopleOwed(p, team)
	if pl.Ready && len(pl.Focus) < in.Config.Plan.Focus {
		// At the target's bar, the case for it is what others see: a new
		// hire onboarded with them is part of it.
		var newHires []string
		for _, id := range team.buddyTo[p.ID] {
			newHires = append(newHires, cmpName(team.people[id]))
		}
		if len(newHires) > 0 {
			pl.FocusNote = strings.TrimSpace(pl.FocusNote + fmt.Sprintf(" Being %s onboarding buddy is part of your %s case too.", possessive(andList(newHires)), target.Name))
		}
	}
	pl.Aspiration = aspiration(m, p, pl)
	pl.splitQuoted(p)
	return pl, nil
}

func ref(s *skills.Skill) SkillRef { return SkillRef{ID: s.ID, Name: s.Name} }

// skillOrder is the place of skill id in the matrix.
func skillOrder(m *skills.Matrix, id string) int {
	return slices.IndexFunc(m.Skills, func(s skills.Skill) bool { return s.ID == id })
}

func roleRef(m *skills.Matrix, id string) RoleRef {
	if r := m.Role(id); r != nil {
		return RoleRef{ID: r.ID, Name: r.Name}
	}
	return RoleRef{ID: id, Name: id}
}

func skillRef(m *skills.Matrix, id string) SkillRef {
	if s := m.Skill(id); s != nil {
		return ref(s)
	}
	return SkillRef{ID: id, Name: id}
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func levelName(m *skills.Matrix, n int) string {
	if l := m.Level(n); l != nil {
		return l.Name
	}
	return "not assessed"
}

// expectName names a role's bar, "none" when the role expects nothing.
func expectName(m *skills.Matrix, n int) string {
	if n == 0 {
		return "none"
	}
	return levelName(m, n)
}

func pillarName(m *skills.Matrix, id string) string {
	if p := m.Pillar(id); p != nil {
		return p.Name
	}
	return id
}

func readiness(m *skills.Matrix, p *skills.Person, r *skills.Role) Readiness {
	rd := Readiness{Role: RoleRef{ID: r.ID, Name: r.Name}, Total: len(m.Skills)}
	for _, s := range m.Skills {
		lvl, ok := p.Levels[s.ID]
		if !ok {
			continue
		}
		rd.Assessed++
		exp := s.Expect[r.ID]
		if lvl >= exp {
			rd.Met++
			continue
		}
		rd.Gap += exp - lvl
		rd.Below = append(rd.Below, SkillGap{SkillRef: ref(&s), Level: lvl, LevelName: levelName(m, lvl), Expect: exp, ExpectName: expectName(m, exp)})
	}
	return rd
}

// TeamIndex is what a plan needs to know of everyone else: each person's
// focus skills, the team's mentoring pairs and everyone's names. Computing
// it once keeps a team's plans linear in its size.
type TeamIndex struct {
	focus map[string][]string
	// ranked are the focus candidates of each person, ranked for their own
	// role and target and cut to the plan's number of focus skills, for
	// Build to reuse: matrix and planFocus are what they were ranked with.
	ranked map[*skills.Person][]candidate
	matrix *skills.Matrix
	// counted caches each person's counted levels by id (see countedOf):
	// the plans built in parallel read them for one another, read only.
	counted   sync.Map
	planFocus int
	// pairs are the team's mentoring pairs (see Match), by mentor and by
	// mentee; names are everyone's names, leaders' included, by id.
	pairs    []Pair
	byMentor map[string][]Pair
	byMentee map[string][]Pair
	// unpaired are the focus skills the one-skill rule left without a
	// mentor in the team (see match), by person id, in focus order.
	unpaired map[string][]string
	names    map[string]string
	// people are everyone by id; flagged the managers whose ratings stand
	// apart from the other managers' (see Team's calibration).
	people  map[string]*skills.Person
	flagged map[string]bool
	calib   map[string]Calibration
	// ids are everyone's ids, sorted: the order teammates are looked at in;
	// byFirst the ids by first name, focusedOn by focus skill, each sorted.
	ids       []string
	byFirst   map[string][]string
	focusedOn map[string][]focused
	// goalOn is, by skill, the teammates whose own open goal names it,
	// each with the goal, sorted by id.
	goalOn map[string][]goalNeed
	// history is everyone's history by id, when IndexTeamWith was given it;
	// rebased the people whose latest baseline is a re-baseline nobody has
	// calibrated, by id.
	history map[string][]skills.Change
	rebased map[string]Baseline
	// buddyTo are the new hires each person is onboarding buddy to, buddyOf
	// each new hire's buddy, and reports each manager's people, by id,
	// sorted.
	buddyTo map[string][]string
	buddyOf map[string]string
	reports map[string][]string
	// goalMentor is the mentor a teammate's own goal names, by mentee id.
	goalMentor map[string]GoalMentor
	// shownMentor are the teammates whose own evidence records mentoring
	// someone, by mentee id (see shownMentors).
	shownMentor map[string][]ShownMentor
}

// IndexTeam computes the TeamIndex of team, without its history.
func IndexTeam(m *skills.Matrix, cfg skills.Config, team []*skills.Person) *TeamIndex {
	return IndexTeamWith(m, cfg, team, nil)
}

// IndexTeamWith computes the TeamIndex of team with each person's history
// (by person id, any order): a manager's ratings are then compared without
// the levels of a re-baseline nobody has calibrated, and a leader's plan
// can tell which of their people is new to leading people.
func IndexTeamWith(m *skills.Matrix, cfg skills.Config, team []*skills.Person, history map[string][]skills.Change) *TeamIndex {
	ix := &TeamIndex{focus: make(map[string][]string, len(team)), ranked: make(map[*skills.Person][]candidate, len(team)),
		matrix: m, planFocus: cfg.Plan.Focus}
	// Ranking and baselines are each person's own: at thousands of people
	// they are most of the index's time, so they run on every core.
	type own struct {
		cands    []candidate
		ranked   bool
		baseline *Baseline
	}
	names := teamNames(cfg, team)
	owns, _ := parallel.Do(context.Background(), 0, team, func(q *skills.Person) (own, error) {
		var o own
		o.cands, o.ranked = rankOwn(m, q)
		if o.ranked && cfg.Plan.Focus >= 0 && len(o.cands) > cfg.Plan.Focus {
			o.cands = slices.Clone(o.cands[:cfg.Plan.Focus]) // not to keep every candidate alive
		}
		if len(history[q.ID]) > 0 {
			o.baseline = latestBaseline(Baselines(history[q.ID], q, names[q.Manager]))
		}
		return o, nil
	})
	for i, q := range team {
		if !owns[i].ranked {
			ix.focus[q.ID] = nil
			continue
		}
		ix.ranked[q] = owns[i].cands
		ix.focus[q.ID] = firstIDs(owns[i].cands, cfg.Plan.Focus)
	}
	ix.people = make(map[string]*skills.Person, len(team))
	reports := map[string][]*skills.Person{}
	for _, q := range team {
		ix.people[q.ID] = q
		if q.Manager != "" {
			reports[q.Manager] = append(reports[q.Manager], q)
		}
	}
	ix.ids = make([]string, 0, len(ix.people))
	for id := range ix.people {
		ix.ids = append(ix.ids, id)
	}
	slices.Sort(ix.ids)
	ix.reports = map[string][]string{}
	for _, id := range ix.ids {
		if q := ix.people[id]; q.Manager != "" && q.Manager != id {
			ix.reports[q.Manager] = append(ix.reports[q.Manager], id)
		}
	}
	// The uncalibrated re-baselines, set before index: mentors are matched
	// on the levels before them.
	rebased := map[string]Baseline{}
	ix.history = history
	for i, q := range team {
		b := owns[i].baseline
		if b != nil && !b.Calibrated && b.Kind != "first" && (b.Pending || q.PlanStart.IsZero() || b.Date >= date(q.PlanStart)) {
			rebased[q.ID] = *b
		}
	}
	ix.rebased = rebased
	ix.index(m, cfg, team)
	ix.byFirst, ix.focusedOn, ix.goalOn = map[string][]string{}, map[string][]focused{}, map[string][]goalNeed{}
	for _, id := range ix.ids {
		q := ix.people[id]
		if first := firstWord(q.Name); first != "" {
			ix.byFirst[first] = append(ix.byFirst[first], id)
		}
		rank := m.RoleRank(q.Role)
		target := m.Role(q.TargetRole(m))
		for _, s := range ix.focus[id] {
			f := focused{id: id, level: q.Levels[s], rank: rank}
			if sk := m.Skill(s); sk != nil && target != nil {
				f.bar = sk.Expect[target.ID]
			}
			ix.focusedOn[s] = append(ix.focusedOn[s], f)
		}
		for _, g := range q.OpenGoals() {
			for _, s := range g.Skills {
				sk := m.Skill(s)
				if sk == nil || !goalNames(g, sk) {
					continue
				}
				f := focused{id: id, level: q.Levels[s], rank: rank}
				if target != nil {
					f.bar = sk.Expect[target.ID]
				}
				ix.goalOn[s] = append(ix.goalOn[s], goalNeed{focused: f, goal: g.Text})
			}
		}
	}
	ix.shownMentor = shownMentors(ix)
	managers := make([]string, 0, len(reports))
	for id := range reports {
		managers = append(managers, id)
	}
	slices.Sort(managers)
	var t Team
	t.calibrate(m, managers, reports, func(id string) PersonRef { return PersonRef{ID: id, Name: ix.names[id]} }, rebased, time.Time{})
	ix.flagged, ix.calib = map[string]bool{}, map[string]Calibration{}
	for _, c := range t.Calib {
		if c.Flagged {
			ix.flagged[c.Manager.ID] = true
			ix.calib[c.Manager.ID] = c
		}
	}
	return ix
}

// teamNames maps the id of each person and leader to their name (the id
// when the file gives none).
func teamNames(cfg skills.Config, team []*skills.Person) map[string]string {
	names := make(map[string]string, len(team)+len(cfg.Leaders))
	for _, l := range cfg.Leaders {
		names[l.ID] = l.Name
	}
	for _, p := range team {
		names[p.ID] = cmp.Or(p.Name, p.ID)
	}
	return names
}

// callName is how a plan calls p: their first name, or their full name
// when someone else in the team shares the first name.
func (ix *TeamIndex) callName(p *skills.Person) string {
	if first := firstWord(p.Name); first != "" && len(ix.byFirst[first]) > 1 {
		return strings.TrimSpace(p.Name)
	}
	return firstName(p)
}

// ratesApart says, in manager id's own plan, that their ratings of their
// people stand apart from the other managers', and with whom to calibrate
// them; "" when they do not.
func (ix *TeamIndex) ratesApart(id string) string {
	c, ok := ix.calib[id]
	if !ok {
		return ""
	}
	with := "the other managers"
	if q := ix.people[id]; q != nil && ix.names[q.Manager] != "" {
		with = ix.names[q.Manager]
	}
	// No figures: they move with every report's level, and this plan must
	// not go stale when someone else's file changes.
	return fmt.Sprintf("Your ratings of your people sit %s the other managers', by more than half a level on average: calibrate them with %s before the next promotion round, so that your people's plans stand on ratings others share.",
		c.Direction(), with)
}

// calibration says what a readiness rests on that nobody has calibrated:
// the latest baseline, when its commit records no calibration, or the
// manager's ratings, when they stand apart from the other managers'; and
// with whom to calibrate it (the manager's own manager). "" when nothing.
func calibration(pl *Plan, team *TeamIndex, first string) string {
	with := "the other managers"
	if mgr := team.people[pl.Person.Manager]; mgr != nil && mgr.Manager != "" && team.names[mgr.Manager] != "" {
		with = team.names[mgr.Manager]
	}
	pl.calibrateWith = with
	if b := pl.Baseline; b != nil && !b.Calibrated {
		what := b.Describe(first)
		if b.Pending && pl.Person.ManagerName != "" {
			what = fmt.Sprintf("%s's assessment, which sets %s of your levels at once,", pl.Person.ManagerName, setOf(b))
			if b.Kind == "first" {
				what = fmt.Sprintf("%s's first assessment of you", pl.Person.ManagerName)
			}
		}
		return fmt.Sprintf("%s is calibrated with %s", what, with)
	}
	// A manager whose ratings stand apart is told so in their own plan
	// (RatesApart), never in their reports' plans.
	return ""
}

// baselineFocus rewrites the reason of a focus skill "at the bar" whose
// level only a baseline nobody has calibrated put there: the new level
// waits for the calibration, and the plan says what evidence settles it
// rather than "you meet the bar already".
func baselineFocus(m *skills.Matrix, pl *Plan) {
	b := pl.Baseline
	if b == nil || b.Calibrated || b.Kind == "first" || b.prior == nil || pl.Calibration == "" {
		return
	}
	already := fmt.Sprintf("you meet the %s bar in it already", pl.Target.Name)
	for i := range pl.Focus {
		f := &pl.Focus[i]
		prior, ok := b.prior[f.ID]
		if !ok || prior <= 0 || prior >= f.Expect || f.Level.Value < f.Expect {
			continue
		}
		settle := "work others can see at that level, written down as it happens"
		for _, g := range pl.Goals {
			if !g.Overdue && slices.ContainsFunc(g.Skills, func(s SkillRef) bool { return s.ID == f.ID }) {
				settle = fmt.Sprintf("your goal \"%s\" done", g.Text)
				if g.Due != "" {
					settle += " by " + g.Due
				}
				settle += ", and what the people it serves say of it"
				break
			}
		}
		changed := false
		for k, r := range f.Reasons {
			if strings.HasPrefix(r, already) {
				f.Reasons[k] = fmt.Sprintf("it was %s before the assessment of %s, which set it at the %s bar; that new level waits for the calibration, and what will settle it is %s",
					levelWords(m, prior), b.Date, pl.Target.Name, settle)
				if f.StretchPast != "" {
					f.Reasons[k] += "; the stretch past that bar is " + stretchWords(f.Next.Words(), f.StretchRole)
				}
				changed = true
			}
		}
		if changed {
			f.Why = whyOf(f.Reasons)
			f.Summary = strings.Replace(summary(*f), ", already at the bar:", ", at the bar on a level not yet calibrated:", 1)
		}
	}
}

// atBarSince is the day from which every assessed skill of p has met the
// target's bar without a break, by the history and the file as it stands;
// "" when the file is not at the bar, or the history does not show when.
func atBarSince(m *skills.Matrix, p *skills.Person, target *skills.Role, sorted []*skills.Change, bs []Baseline) string {
	atBar := func(levels map[string]int) bool {
		if len(levels) == 0 {
			return false
		}
		for _, s := range m.Skills {
			if lvl, ok := levels[s.ID]; ok && lvl < s.Expect[target.ID] {
				return false
			}
		}
		return true
	}
	if !atBar(p.Levels) {
		return ""
	}
	since := ""
	versions(sorted, func(levels map[string]int, day time.Time) {
		switch {
		case !atBar(levels):
			since = ""
		case since == "":
			since = date(day)
		}
	})
	for _, b := range bs {
		if b.Pending || b.Date == since && !b.Calibrated {
			return "" // a run that a baseline started, or that one ends, tells nothing yet
		}
	}
	return since
}

// focusNote says why a plan holds fewer focus skills than it asks for.
func focusNote(pl *Plan, want int) string {
	switch {
	case pl.Onboarding != nil:
		return "While you are onboarding, the focus stays on your own goals and what your role asks today; the rest waits for your first full assessment."
	case pl.Current.Assessed*2 < pl.Current.Total:
		return "Most skills have no level yet, so the focus stops here: the next assessment will show what else to work on."
	case pl.Returned != "" && len(pl.Reentry) > 0:
		return fmt.Sprintf("The focus is your own goals: whether to take on anything new before the next review is yours to agree with %s.", cmp.Or(pl.ManagerCall, pl.Person.ManagerName, "your manager"))
	case len(pl.Focus) == 0:
		return "Nothing in the file asks for a focus: every assessed skill meets the bar, and no goal, setback or disagreement names one. Agree a goal for the next step."
	}
	// Fewer than asked: every other assessed skill meets the bar, and no
	// setback, or goal not already carried by a focus above, names another.
	// When At a glance already says where every skill stands, that is not
	// said again.
	if slices.ContainsFunc(pl.VerdictEvidence, func(l string) bool {
		return strings.HasPrefix(l, "Every assessed skill meets") || strings.HasPrefix(l, "At or above the") || strings.HasPrefix(l, "The calibration decides")
	}) {
		return ""
	}
	return fmt.Sprintf("%s this quarter: everything else is where it should be.", upperFirst(words(len(pl.Focus), "focus skill")))
}

// heldNote says, in one sentence, that a verdict held until calibration
// holds the stretch too: the focus is the person's own goals and any skill
// short of the bar until the calibration settles the levels. "" when the
// verdict is not held, or no focus is at the bar.
func heldNote(pl *Plan) string {
	if pl.Verdict.Kind != "held" || !slices.ContainsFunc(pl.Focus, func(f Focus) bool { return f.Uncalibrated }) {
		return ""
	}
	goals := map[string]bool{}
	below := 0
	for _, f := range pl.Focus {
		for _, g := range f.Goals {
			goals[g] = true
		}
		if f.Level.Value > 0 && f.Level.Value < f.Expect {
			below++
		}
	}
	var what []string
	switch len(goals) {
	case 0:
	case 1:
		what = append(what, "your own goal")
	default:
		what = append(what, "your own goals")
	}
	switch below {
	case 0:
	case 1:
		what = append(what, "the skill still short of the bar")
	default:
		what = append(what, "the skills still short of it")
	}
	if len(what) == 0 {
		what = append(what, "the work others can see at the level you have")
	}
	return fmt.Sprintf("Nothing past the %s bar is planned until the calibration settles your levels: until then, the focus is %s.", pl.Target.Name, andList(what))
}

// uncalibrated reports whether the plan's levels stand on a re-baseline
// (not a first assessment) that nobody has calibrated: the verdict is held,
// and nothing past the target's bar is planned on them.
func (pl *Plan) uncalibrated() bool {
	b := pl.Baseline
	return b != nil && !b.Calibrated && b.Kind != "first"
}

// lowered are the levels set lower with no example written down, by
// skill: such a focus is held at the level counted (in.Person's).
func focus(in Input, role, target *skills.Role, team *TeamIndex, held bool, lowered map[string]lowering) []Focus {
	m, p := in.Matrix, in.Person
	cands, ok := team.rankedFor(in, role, target)
	if !ok {
		cands = rank(m, p, role, target)
	}
	cands = chosen(cands, in.Config.Plan.Focus)
	var out []Focus
	if len(cands) > 0 {
		out = make([]Focus, 0, len(cands)) // a focus for every candidate
	}
	back, _, _ := ReturnFromLeave(p)
	roleFirst := back.IsZero() && len(readiness(m, p, role).Below) > 0
	usedShifts := map[string]bool{}
	firstBelow := true
	usedGoals := map[string]bool{}
	for _, c := range cands {
		c.held = held
		s := c.skill
		lvl := p.Levels[s.ID]
		next := min(lvl+1, m.MaxLevel())
		if lvl == 0 {
			next = min(max(s.Expect[role.ID], 1), m.MaxLevel())
		}
		bar := s.Expect[target.ID]
		stretchPast, stretchRole := "", ""
		low, isLow := lowered[s.ID]
		isLow = isLow && lvl > 0
		if isLow {
			// A level in dispute is held where the plan counts it: the
			// example that settles it comes before any level above.
			next = lvl
		} else if lvl > 0 && lvl >= bar {
			// At the target's bar already (a goal's skill, or one the
			// person pinned): the level above it is the stretch past the
			// target; at the top of the scale, or for someone asked for
			// nothing new, the goal is where it shows.
			next = lvl
			if n, works := stretch(m, c, target, lvl); n > 0 {
				next, stretchPast = n, target.Name
				if works != nil {
					stretchRole = works.Name
				}
			}
		}
		f := Focus{
			SkillRef: ref(s), Pillar: pillarName(m, s.Pillar), Pinned: c.pinned, BelowRole: c.belowRole,
			Gap: c.gap, Weight: c.weight, Expect: bar, ExpectName: expectName(m, bar),
			Level:       levelText(m, s, lvl),
			Next:        levelText(m, s, next),
			StretchPast: stretchPast, StretchRole: stretchRole,
			AtTop:        lvl == m.MaxLevel() && !c.onboard && !c.back && !c.reentry,
			Uncalibrated: held && lvl > 0 && lvl >= bar,
			Lowered:      isLow,
			Question:     question(p.ID, s, next, role.Leads),
		}
		for _, persona := range s.Personas {
			if pp := m.Persona(persona); pp != nil {
				f.Personas = append(f.Personas, pp.Name)
			}
		}
		f.Reasons = reasons(m, c, role, target, lvl, c.belowRole && !c.reentry && firstBelow, back, roleFirst, usedShifts)
		if isLow {
			// No gap to the target is worked on a level in dispute: what
			// the focus asks is the example that settles it.
			f.Reasons = slices.DeleteFunc(f.Reasons, func(r string) bool {
				return strings.Contains(r, " asks for ") && (strings.HasSuffix(r, " level up") || strings.HasSuffix(r, " levels up"))
			})
			f.Reasons = append(f.Reasons, loweredReason(low, TodayOf(p).day, cmp.Or(team.managerCall(p), "your manager")))
		}
		if slices.ContainsFunc(out, func(o Focus) bool { return o.Why == whyOf(f.Reasons) }) {
			// The same reasons as another focus skill: say which skill
			// each is about rather than the same sentence twice.
			for i, r := range f.Reasons {
				f.Reasons[i] = named(r, lowerFirst(s.Name))
			}
			for i, r := range f.Reasons {
				// A gap alone names no skill: "one level up in negotiation".
				if !strings.Contains(strings.Join(f.Reasons, "; "), lowerFirst(s.Name)) && strings.Contains(r, " asks for ") &&
					(strings.HasSuffix(r, " level up") || strings.HasSuffix(r, " levels up")) {
					f.Reasons[i] = r + " in " + lowerFirst(s.Name)
				}
			}
		}
		if c.belowRole && !c.reentry {
			firstBelow = false
		}
		f.Why = whyOf(f.Reasons)
		f.Summary = summary(f)
		f.Resources = resources(s, next)
		for _, g := range p.OpenGoals() {
			if goalNames(g, s) {
				f.Goals = append(f.Goals, g.Text)
			}
		}
		for _, e := range p.Evidence {
			if !p.PlanStart.IsZero() && !e.Date.Before(p.PlanStart) && !TodayOf(p).day.Before(p.PlanStart) {
				continue // dated in the plan period: under Progress, said once
			}
			if e.Skill == s.ID {
				f.Evidence = append(f.Evidence, fmt.Sprintf("%s: %s", date(e.Date), spoken(e.Text, p, team.managerCall(p))))
			}
		}
		c.busy = team.load(p.ID)+2 > in.Config.Team.MentorCapacity
		// Someone moving off leading people does the actions of the work
		// they move to, about the product area they will own, not the team
		// they hand over (cold read 17, finding 16).
		f.Actions = actions(m, s, p, c, lvl, next, role.Leads && !leavesLeading(m, p), usedGoals)
		if isLow {
			f.Actions = append([]Action{settleAction(m, low, cmp.Or(team.managerCall(p), "your manager"))}, lowSkipStretch(f.Actions, c)...)
		}
		f.Resources = slices.DeleteFunc(f.Resources, func(r skills.Resource) bool {
			return slices.ContainsFunc(f.Actions, func(a Action) bool { return a.Text == r.Title })
		})
		out = append(out, f)
	}
	return out
}

// Step is the step a focus skill asks for, in a few words: "2 Practising
// -> 3 Proficient", "3 Proficient -> 4 Leading, the stretch past the Senior
// Product Manager bar", "5 Shaping, the top of the scale", or, for someone
// asked for nothing new (onboarding, back from leave), "3 Proficient,
// already at the bar".
func (f Focus) Step() string {
	switch {
	case f.Level.Value == 0:
		return fmt.Sprintf("not assessed yet, %s expected", f.Next.Words())
	case f.StretchPast != "":
		return fmt.Sprintf("%s -> %s, the stretch past the %s bar", f.Level.Words(), f.Next.Words(), f.StretchPast)
	case f.Lowered:
		return fmt.Sprintf("%s, the level counted until the lower one has an example", f.Level.Words())
	case f.Uncalibrated && f.Next.Value <= f.Level.Value && f.Level.Value == f.Expect:
		return fmt.Sprintf("%s, at the bar on a level not yet calibrated", f.Level.Words())
	case f.Uncalibrated && f.Next.Value <= f.Level.Value:
		return fmt.Sprintf("%s, above the bar on a level not yet calibrated", f.Level.Words())
	case f.Next.Value <= f.Level.Value && !f.AtTop && f.Level.Value <= f.Expect && f.Expect > 0:
		return fmt.Sprintf("%s, already at the bar", f.Level.Words())
	case f.Next.Value <= f.Level.Value:
		return fmt.Sprintf("%s, the top of the scale", f.Level.Words())
	}
	return fmt.Sprintf("%s -> %s", f.Level.Words(), f.Next.Words())
}

// loweredReason says why a focus set lower with no example is held at
// the level counted: when it was set lower, and who writes down what it
// rests on.
func loweredReason(l lowering, today time.Time, who string) string {
	on := l.On
	if t, err := time.Parse(time.DateOnly, l.On); err == nil {
		on = longDate(t, today)
	}
	return fmt.Sprintf("it was set lower, to %d, on %s, with no example written down: until %s writes down what it rests on, this plan counts it at %d %s, and asks for nothing above that",
		l.To, on, who, l.From, l.FromName)
}

// settleAction is the step that settles a level set lower with no example:
// the example asked for, and talked through.
func settleAction(m *skills.Matrix, l lowering, who string) Action {
	return Action{
		Text:     fmt.Sprintf("Ask %s at the next 1:1 for the example the lower level rests on, and talk it through: it settles whether this skill stands at %s or at %s.", who, levelWords(m, l.To), levelWords(m, l.From)),
		Evidence: fmt.Sprintf("The example written down by %s, one you recognise, and the level it settles.", who),
	}
}

// lowSkipStretch drops, from a held focus's actions, the matrix's actions
// for a level above the one counted: only the person's own goals and
// setbacks stay.
func lowSkipStretch(as []Action, c candidate) []Action {
	var out []Action
	for _, a := range as {
		if slices.ContainsFunc(c.goals, func(g skills.Goal) bool { return strings.HasPrefix(a.Text, g.Text) }) ||
			strings.HasPrefix(a.Text, "Start from what the evidence") {
			out = append(out, a)
		}
	}
	return out
}

// summary is a focus skill in one line: the step to take and the two
// strongest reasons.
func summary(f Focus) string {
	step := f.Step()
	r := f.Reasons
	if len(r) > 2 {
		r = r[:2]
	}
	if len(r) == 0 {
		return fmt.Sprintf("%s, %s", f.Name, step)
	}
	return fmt.Sprintf("%s, %s: %s", f.Name, step, strings.Join(r, "; "))
}

// strengthsOn is the caveat of strengths named on a re-baseline nobody
// calibrated, in one clause: whose assessment (a possessive) and its date,
// said the same in the plan and the agendas.
func strengthsOn(whose, on string) string {
	return fmt.Sprintf("on %s first assessment, of %s, not yet calibrated", whose, on)
}

// unshownLine says once that levels far above the bar on an uncalibrated
// assessment have no example written down; "" for none.
// unshownSplit keeps as strengths only the levels an example shows: a level
// set on the assessment alone is not named a strength (cold read 12,
// finding 2: Technical fluency 5 with nothing behind it; cold read 19a,
// point 2: "Customer insight: 5 Shaping ..., on the assessment of ...").
// They are named once, in StrengthsUnshown, with what would make them
// one (held says the calibration tests them), and kept in LevelOnly. It returns the strengths kept.
func unshownSplit(pl *Plan, held bool) []Strength {
	shown := slices.DeleteFunc(slices.Clone(pl.Strengths), func(st Strength) bool { return st.Shows == "" })
	if len(shown) == 0 && held {
		return pl.Strengths // nothing shown at all: the levels are all there is
	}
	var unshown []string
	for _, st := range pl.Strengths {
		if st.Shows == "" {
			unshown = append(unshown, fmt.Sprintf("%s at %s", st.Name, skills.LevelWords(st.Level, st.LevelName)))
			if !held {
				pl.LevelOnly = append(pl.LevelOnly, st) // held: the review waits for the calibration, as the plan does
			}
		}
	}
	pl.Strengths, pl.StrengthsUnshown = shown, unshownLine(unshown, held)
	return shown
}

func unshownLine(levels []string, held bool) string {
	if len(levels) == 0 {
		return ""
	}
	if !held {
		if len(levels) == 1 {
			return fmt.Sprintf("%s has no example written down yet: bring one to the next review, one that others saw.", levels[0])
		}
		return fmt.Sprintf("%s have no example written down yet: bring one for each to the next review, one that others saw.", andList(levels))
	}
	if len(levels) == 1 {
		return fmt.Sprintf("%s has no example written down yet: show one, or it is the first level the calibration tests.", levels[0])
	}
	return fmt.Sprintf("%s have no example written down yet: show one for each, or they are the first levels the calibration tests.", andList(levels))
}

// earnedStrengths are the plan's strengths (cold read 7): two or three
// skills the person has earned, above the current role's bar (at least
// Proficient) or at the top of the scale, and not a focus skill. They are
// ordered by the evidence behind them (how many entries show each, then
// the margin over the bar): the skills evidence shows come first, up to
// three; when fewer than three do, a level two or more above the bar and
// at least Leading, or at the top of the scale, fills up to three on the
// assessment alone, the widest margin first. Each carries what shows it and, when the repository
// has one, a use tied to a real person or goal of it. A new hire has none
// yet. People who lead no one get no manager's uses; someone below their
// current role's bar, or back from leave, is given no one to teach.
func earnedStrengths(in Input, role *skills.Role, team *TeamIndex, focus []Focus) []Strength {
	m, p := in.Matrix, in.Person
	if NewHire(p, TodayOf(p).day) {
		return nil // their first 90 days show strengths; a level does not
	}
	target := in.Matrix.Role(p.TargetRole(m))
	cur := readiness(m, p, role)
	_, _, back := ReturnFromLeave(p)
	noTeaching := len(cur.Below) > 0 || back
	type cand struct {
		st       Strength
		evidence int
		margin   int
		order    int
	}
	var shown, rated []cand
	for i := range m.Skills {
		s := &m.Skills[i]
		lvl := p.Levels[s.ID]
		bar := s.Expect[role.ID]
		top := lvl > 0 && lvl == m.MaxLevel()
		if lvl == 0 || !(top || lvl > bar && lvl >= 3) || slices.ContainsFunc(focus, func(f Focus) bool { return f.ID == s.ID }) {
			// Earned: above the bar of the job, or the top of the scale.
			// A level at the bar is the job done, not a strength; a focus
			// skill is worked on, not leaned on.
			continue
		}
		latest, n, setback := StrengthShown(p, s.ID)
		if setback {
			continue // the newest word on it is a setback: not one to lean on
		}
		st := Strength{SkillRef: ref(s), Level: lvl, LevelName: levelName(m, lvl), ExpectRole: bar}
		if target != nil {
			st.Expect, st.ExpectName = s.Expect[target.ID], expectName(m, s.Expect[target.ID])
			st.AboveTarget = lvl > s.Expect[target.ID]
		}
		if latest != nil {
			st.Shows = fmt.Sprintf("%s (\"%s\")", date(latest.Date), latest.Text)
			if ThirdPerson(latest.Text, firstWord(p.Name)) {
				st.Shows = date(latest.Date) + " in the evidence"
			}
		}
		for _, pr := range team.byMentor[p.ID] {
			if pr.Skill == s.ID && !noTeaching {
				st.Mentees = append(st.Mentees, PersonRef{ID: pr.Mentee, Name: team.names[pr.Mentee]})
			}
		}
		c := cand{st: st, evidence: n, margin: lvl - bar, order: i}
		switch {
		case n > 0:
			shown = append(shown, c)
		case top || lvl >= 4 && lvl-bar >= 2:
			rated = append(rated, c) // a standout on the rating alone
		}
	}
	byEvidence := func(a, b cand) int {
		switch {
		case a.evidence != b.evidence:
			return b.evidence - a.evidence
		case a.margin != b.margin:
			return b.margin - a.margin
		case a.st.Level != b.st.Level:
			return b.st.Level - a.st.Level
		}
		return a.order - b.order
	}
	slices.SortStableFunc(shown, byEvidence)
	slices.SortStableFunc(rated, byEvidence)
	cands := shown[:min(len(shown), 3)]
	for _, c := range rated {
		// A standout on the rating alone (Technical fluency 5 where the
		// job asks for 2) is not left out for want of an example: it
		// follows the ones evidence shows, up to three in all.
		if len(cands) >= 3 {
			break
		}
		if slices.ContainsFunc(cands, func(o cand) bool {
			return o.evidence == 0 && o.st.Level == c.st.Level && o.st.ExpectRole == c.st.ExpectRole && o.st.Expect == c.st.Expect
		}) {
			continue // the same words on the assessment as one named already: said once
		}
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return nil
	}
	out := make([]Strength, 0, len(cands))
	used := map[string]bool{} // a person or goal is named for one strength only
	for _, c := range cands {
		c.st.Use = strengthUse(m, c.st, p, role, team, used, noTeaching)
		out = append(out, c.st)
	}
	return out
}

// StrengthShown is what shows a strength in skill: the newest evidence on
// it, and how many entries show it. The newest entry speaks for the
// skill: when it records a setback, setback is true and the skill is no
// strength. An entry that records a practice a goal on the skill has
// dropped since (see DroppedPractice) was given up: it is passed over, and
// the newest entry before it speaks instead (nil, 0 when none does).
func StrengthShown(p *skills.Person, skill string) (latest *skills.Evidence, n int, setback bool) {
	for k, e := range p.Evidence {
		if e.Skill == skill && (latest == nil || !e.Date.Before(latest.Date)) {
			latest = &p.Evidence[k]
		}
	}
	if latest != nil && Setback(latest.Text) {
		return nil, 0, true
	}
	latest = nil
	for k, e := range p.Evidence {
		if e.Skill != skill || Setback(e.Text) || DroppedPractice(p, e) {
			continue
		}
		n++
		if latest == nil || !e.Date.Before(latest.Date) {
			latest = &p.Evidence[k]
		}
	}
	return latest, n, false
}

// DroppedPractice reports whether evidence e records the practice of a
// goal of p on its skill that was dropped on or after e's date ("Held
// launch reviews for the last three releases" under a dropped "Run a
// launch review for every release"): two content words in common. Other
// work on the skill stays the person's to be known for.
func DroppedPractice(p *skills.Person, e skills.Evidence) bool {
	return slices.ContainsFunc(p.Goals, func(g skills.Goal) bool {
		if g.Dropped.IsZero() || !g.Done.IsZero() || !slices.Contains(g.Skills, e.Skill) || g.Dropped.Before(e.Date) {
			return false
		}
		want, n := contentWords(g.Text), 0
		for w := range contentWords(e.Text) {
			if want[w] {
				n++
			}
		}
		return n >= 2
	})
}

// alsoMentoredBy are the teammates whose own evidence records mentoring p
// (see shownMentors), other than the mentors the plan already names: each
// with what the entry says and one way to use them, on p's next open goal.
func alsoMentoredBy(p *skills.Person, team *TeamIndex, mentors []MentorLink, named string) []string {
	var out []string
	for _, sm := range team.shownMentor[p.ID] {
		q := team.people[sm.Mentor]
		if q == nil || q.Name == named || slices.ContainsFunc(mentors, func(l MentorLink) bool { return l.Person.ID == q.ID }) {
			continue
		}
		call := team.callName(q)
		use := fmt.Sprintf("tell %s what you are working on now, and ask for a second read of it", call)
		var next *skills.Goal
		open := p.OpenGoals()
		for i, g := range open {
			if !g.Due.IsZero() && (next == nil || g.Due.Before(next.Due)) {
				next = &open[i]
			}
		}
		if next != nil {
			use = fmt.Sprintf("ask %s for a second read of \"%s\" before it is due, on %s", call, next.Text, date(next.Due))
		}
		out = append(out, fmt.Sprintf("%s has mentored you too (%s): %s.", q.Name, mentoredYou(sm.Text, p, sm.Date), use))
	}
	return out
}

// mentoredYou is a teammate's entry about p said to p, with its date (cold read
// 19a, finding 17: "from the notes on Nora" read as another person's
// record quoted): "2026-11-02: coached you on framing the question for your
// first experiment". Their name becomes you, and their pronouns too when no
// one else is named; an entry that names someone else as well is quoted as
// written.
func mentoredYou(text string, p *skills.Person, day string) string {
	said := strings.ReplaceAll(text, p.Name, "you")
	if first := firstWord(p.Name); first != "" {
		said = wordReplacer(first, "you").Replace(said)
	}
	other := slices.ContainsFunc(strings.FieldsFunc(said, notLetter)[1:], func(w string) bool {
		return len(w) > 1 && unicode.IsUpper(rune(w[0]))
	})
	if said == text || other {
		return fmt.Sprintf("%s: \"%s\"", day, text)
	}
	said = secondPerson.Replace(said)
	if w := firstWord(said); strings.HasSuffix(w, "ed") {
		said = strings.ToLower(said[:1]) + said[1:] // "Coached you" reads "coached you" after the date
	}
	return day + ": " + said
}

// strengthUse is one use of a strength, tied to a real person or goal of
// the repository: the person's mentee in it, their own goal that leans on
// it, a teammate its evidence names, a teammate at or below their role who
// has it as a focus, below the strong person's level in it and below their
// own target's bar (a report, for a manager; not one matched with a
// mentor in it already); "" when there is none.
func strengthUse(m *skills.Matrix, st Strength, p *skills.Person, role *skills.Role, team *TeamIndex, used map[string]bool, noTeaching bool) string {
	for _, who := range st.Mentees {
		if !used[who.ID] {
			used[who.ID] = true
			return fmt.Sprintf("%s; then a working session every fortnight on %s's live work, not on theory", askedToMentor([]string{who.Name}, "in it", []string{team.introducer(who.ID, p.ID)}), firstWord(who.Name))
		}
	}
	for _, g := range p.OpenGoals() {
		if slices.Contains(g.Skills, st.ID) && !used["goal:"+g.Text] {
			used["goal:"+g.Text] = true
			due := ""
			if !g.Due.IsZero() {
				due = ", due " + date(g.Due) + ","
			}
			return fmt.Sprintf("your goal \"%s\"%s leans on it: lead with it there, and let others see how you do it", g.Text, due)
		}
	}
	if st.Shows != "" {
		// A teammate the evidence names: keep the work with them going.
		for _, w := range strings.FieldsFunc(st.Shows, notLetter) {
			for _, id := range team.byFirst[w] {
				if id == p.ID || used[id] {
					continue
				}
				q := team.people[id]
				used[id] = true
				return fmt.Sprintf("keep the work with %s going: ask %s what helped most, and do more of it", q.Name, w)
			}
		}
	}
	if noTeaching || NewHire(p, TodayOf(p).day) { // a new hire's first 90 days are for learning, not for teaching
		return ""
	}
	rank := m.RoleRank(p.Role)
	// A new hire in their first 90 days is helped last: their buddy and
	// their manager hold those weeks, so a third offer waits for the 90
	// days to end and is agreed with whoever onboards them first.
	var newcomer *skills.Person
	for _, f := range team.focusedOn[st.ID] {
		id := f.id
		if f.level >= st.Level || f.level >= f.bar || f.rank > rank || id == p.ID || id == p.Manager || used[id] {
			// Help goes down a skill, to someone with a step still to
			// take in it: not to a teammate level with or above the
			// strong person, nor to one already at their target's bar.
			continue
		}
		q := team.people[id]
		if slices.ContainsFunc(team.byMentee[id], func(pr Pair) bool { return pr.Skill == st.ID }) {
			continue // a mentor is matched with them in it already: a second offer crowds them
		}
		if q.Manager != p.ID && NewHire(q, TodayOf(p).day) {
			if newcomer == nil && team.buddyOf[id] != p.ID {
				newcomer = q
			}
			continue
		}
		used[id] = true
		if q.Manager == p.ID {
			return fmt.Sprintf("%s, who reports to you, has it as a focus: coach it at your 1:1s with real work on the table", q.Name)
		}
		return fmt.Sprintf("%s has it as a focus: offer an hour on %s live work, and review one piece of it together", q.Name, possessive(team.callName(q)))
	}
	if q := newcomer; q != nil {
		used[q.ID] = true
		// The offer starts once the 90 days are over, when the buddy's
		// part has ended: it is agreed with the new hire's manager.
		return fmt.Sprintf("%s has it as a focus and is in the first 90 days of onboarding, to %s: after that, offer an hour on %s live work, agreed first with %s manager",
			q.Name, longDate(q.Joined.AddDate(0, 0, 90), time.Time{}), possessive(team.callName(q)), possessive(team.callName(q)))
	}
	// A teammate whose own open goal needs the skill, at a level below the
	// strong person's: the goal is the real work the strength can help
	// with, at the bar or not.
	for _, gn := range team.goalOn[st.ID] {
		f, id := gn.focused, gn.id
		if f.level >= st.Level || f.rank > rank || id == p.ID || id == p.Manager || used[id] {
			continue
		}
		q := team.people[id]
		if slices.ContainsFunc(team.byMentee[id], func(pr Pair) bool { return pr.Skill == st.ID }) ||
			(q.Manager != p.ID && NewHire(q, TodayOf(p).day)) {
			continue
		}
		used[id] = true
		if q.Manager == p.ID {
			return fmt.Sprintf("%s, who reports to you, needs it for the goal \"%s\": coach it at your 1:1s with that work on the table", q.Name, gn.goal)
		}
		return fmt.Sprintf("%s's goal \"%s\" needs it: offer an hour on that work, and review one piece of it together", q.Name, gn.goal)
	}
	// Else no use: the matrix's generic work for the level would be new
	// scope with nobody behind it, the same sentence for everyone.
	return ""
}

// goalNeed is a teammate whose own open goal names a skill: their level
// in it, rank and bar (see focused), and the goal's text.
type goalNeed struct {
	focused
	goal string
}

// focused is someone with a skill in their focus, as a strength's use
// looks for them among 2,000 people: their level in it and their role's
// rank, read once when the team is indexed rather than for every strength
// of every plan.
type focused struct {
	id          string
	level, rank int
	// bar is what their target role asks in it: help is offered only
	// while they are short of it.
	bar int
}

// managerCall is how p's plan calls their manager: by name (see callName),
// "your manager" when the team does not name them.
func (ix *TeamIndex) managerCall(p *skills.Person) string {
	if q := ix.people[p.Manager]; q != nil && q.Name != "" {
		return ix.callName(q)
	}
	if n := ix.names[p.Manager]; n != "" {
		if first := firstWord(n); len(ix.byFirst[first]) == 0 {
			return first
		}
		return n
	}
	return "your manager"
}

// conversations are the skills where p's own rating and their manager's
// differ, each with a question in the plan's voice: the person is "you",
// the manager is named (mgr).
func conversations(m *skills.Matrix, p *skills.Person, who string) []Conversation {
	first := firstWord(p.Name)
	var out []Conversation
	for _, s := range m.Skills {
		self, ok := p.Self[s.ID]
		lvl := p.Levels[s.ID]
		if !ok || lvl == 0 || self == lvl {
			continue
		}
		c := Conversation{SkillRef: ref(&s), Self: self, SelfName: levelName(m, self),
			Manager: lvl, ManagerName: levelName(m, lvl), Direction: "higher"}
		name, _, _ := strings.Cut(s.Name, ":")
		name = lowerFirst(name)
		var part levelReading
		if self == lvl+1 {
			part = readLevel(p, &s, self, TodayOf(p).day)
		}
		var latest *skills.Evidence
		for k, e := range p.Evidence {
			if e.Skill == s.ID && (latest == nil || !e.Date.Before(latest.Date)) {
				latest = &p.Evidence[k]
			}
		}
		switch {
		case self < lvl && latest != nil && !Setback(latest.Text):
			c.Direction = "lower"
			c.Question = fmt.Sprintf("You rate your %s lower than %s does, and '%s' says otherwise: what makes you say %d?", name, who, latest.Text, self)
			if ThirdPerson(latest.Text, first) {
				c.Question = fmt.Sprintf("You rate your %s lower than %s does, and the evidence of %s says otherwise: what makes you say %d?", name, who, date(latest.Date), self)
			}
		case self < lvl:
			c.Direction = "lower"
			c.Question = fmt.Sprintf("You rate your %s lower than %s does: what makes you say %d?", name, who, self)
		case latest != nil && Setback(latest.Text) && !ThirdPerson(latest.Text, first):
			c.Question = fmt.Sprintf("You rate your %s at %d and %s sees %d, because of '%s': what do you see that %s does not?", name, self, who, lvl, latest.Text, who)
		case latest != nil && Setback(latest.Text):
			c.Question = fmt.Sprintf("You rate your %s at %d and %s sees %d, because of the evidence of %s: what do you see that %s does not?", name, self, who, lvl, date(latest.Date), who)
		case self-lvl >= 2:
			// Two levels apart is not a detail: the case is made on one
			// piece of work, in front of both.
			c.Question = fmt.Sprintf("You rate your %s at %d and %s at %d, %s apart: which one piece of work would you bring to show %d, and what would %s need to see in it?", name, self, who, lvl, words(self-lvl, "level"), self, who)
		case part.shows() && len(part.Missing) > 0 && !ThirdPerson(part.Entry.Text, first):
			// Part of the level claimed is on file: the question is about
			// the rest, never as if nothing showed it.
			c.Question = fmt.Sprintf("You rate your %s at %d and %s sees %d. '%s' already shows part of %d: where have you also shown \"%s\", and who saw it?", name, self, who, lvl, part.Entry.Text, self, part.Missing[0])
		case latest != nil && !ThirdPerson(latest.Text, first):
			c.Question = fmt.Sprintf("You rate your %s at %d and %s sees %d, with '%s' written down: what have you done since that shows %d?", name, self, who, lvl, latest.Text, self)
		case latest != nil:
			c.Question = fmt.Sprintf("You rate your %s at %d and %s sees %d, with the note of %s: what have you done since that shows %d?", name, self, who, lvl, date(latest.Date), self)
		case observable(&s, self) != "":
			// Nothing written down: the next level's own words say what to
			// look for.
			c.Question = fmt.Sprintf("You rate your %s at %d and %s sees %d, with nothing on it written down yet: where in your work have you shown what %d asks, \"%s\", and who saw it?", name, self, who, lvl, self, observable(&s, self))
		default:
			c.Question = fmt.Sprintf("You rate your %s at %d and %s sees %d: what have you done that %s has not seen?", name, self, who, lvl, who)
		}
		out = append(out, c)
	}
	return out
}

func goals(m *skills.Matrix, p *skills.Person, asOf time.Time) []GoalItem {
	var out []GoalItem
	for _, g := range p.OpenGoals() {
		gi := GoalItem{Text: g.Text, Due: date(g.Due), Overdue: !g.Due.IsZero() && !asOf.IsZero() && g.Due.Before(asOf)}
		for _, id := range g.Skills {
			gi.Skills = append(gi.Skills, skillRef(m, id))
		}
		out = append(out, gi)
	}
	// By due date, undated last, keeping the file's order otherwise.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Due, out[j].Due
		if (a == "") != (b == "") {
			return b == ""
		}
		return a < b
	})
	return out
}

func endOfDay(t time.Time) time.Time {
	y, mo, d := t.Date()
	return time.Date(y, mo, d, 23, 59, 59, 0, t.Location())
}

// Marker is the first line of a generated file: it says where the content
// comes from, and its absence tells coach that someone edited the file by
// hand.
func Marker(source string) string {
	return fmt.Sprintf("<!-- Generated by coach from %s. Edit that file, not this one. -->", source)
}

// PlanPath is where a person's plan is written, relative to the root.
func PlanPath(id string) string { return "plans/" + id + ".md" }

// onboardingBuddy is a new hire's buddy from the team: a peer in the same
// role or the one above it, not their manager, not new themselves, and not
// the teammate whose own goal is to mentor them (the mentor stays the
// mentor: a buddy is a peer to ask what nobody writes down); under the same
// manager first, then in the same role as the new hire, then by id; "" when
// the team has none.
func onboardingBuddy(m *skills.Matrix, p *skills.Person, team *TeamIndex) string {
	id, ok := team.buddyOf[p.ID]
	if !ok {
		id = onboardingBuddyID(m, p, team)
	}
	if id != "" {
		q := team.people[id]
		return cmp.Or(q.Name, q.ID)
	}
	return ""
}

// onboardingBuddyID is the id of p's onboarding buddy (see onboardingBuddy).
func onboardingBuddyID(m *skills.Matrix, p *skills.Person, team *TeamIndex) string {
	rank := m.RoleRank(p.Role)
	best, bestScore := "", -1
	for _, id := range team.ids {
		q := team.people[id]
		r := m.RoleRank(q.Role)
		if id == p.ID || id == p.Manager || q.Manager == p.ID || r < rank || r > rank+1 || NewHire(q, TodayOf(p).day) {
			continue
		}
		if gm, ok := team.goalMentor[p.ID]; ok && gm.Mentor == id {
			continue
		}
		score := 0
		if q.Manager == p.Manager {
			score += 2
		}
		if r == rank {
			score++
		}
		if score > bestScore {
			best, bestScore = id, score
		}
	}
	return best
}

// comesNext says which of the current role's gaps an open goal needs that
// the focus left out, and when they come in: a goal of the person's own
// that leans on a gap is never silently left without it (cold read 20,
// finding 9). The first such goal, by due date; "" when there is none.
func comesNext(pl *Plan) string {
	inFocus := func(id string) bool {
		return slices.ContainsFunc(pl.Focus, func(f Focus) bool { return f.ID == id })
	}
	for _, g := range pl.Goals {
		var names []string
		for _, s := range g.Skills {
			if !inFocus(s.ID) && slices.ContainsFunc(pl.BelowRole(), func(b SkillGap) bool { return b.ID == s.ID }) {
				names = append(names, lowerFirst(s.Name))
			}
		}
		if len(names) == 0 || pl.unworkable(g) {
			continue
		}
		due := ""
		if g.Due != "" {
			due = " by " + g.Due
		}
		verb, join := "comes", "it joins"
		if len(names) > 1 {
			verb, join = "come", "they join"
		}
		return fmt.Sprintf("%s, which \"%s\" needs%s, %s next: %s the focus at the next review, or sooner if one of these is done.",
			upperFirst(andList(names)), ShortGoal(g.Text), due, verb, join)
	}
	return ""
}

// coacheeOf is the teammate p coaches in the target role's terms: a peer
// under the same manager in a role below p's, past their first 90 days,
// the one p's own evidence already records mentoring first, then the
// least senior, then by id; with the open goal of theirs due first, which
// the coaching is through. "" when the team has none.
func coacheeOf(m *skills.Matrix, p *skills.Person, team *TeamIndex) string {
	if p.Manager == "" {
		return ""
	}
	rank := m.RoleRank(p.Role)
	shown := func(id string) bool {
		return slices.ContainsFunc(team.shownMentor[id], func(s ShownMentor) bool { return s.Mentor == p.ID })
	}
	best := ""
	for _, id := range team.ids {
		q := team.people[id]
		if id == p.ID || q.Manager != p.Manager || m.RoleRank(q.Role) >= rank || NewHire(q, TodayOf(p).day) {
			continue
		}
		if best == "" {
			best = id
			continue
		}
		b := team.people[best]
		switch {
		case shown(id) != shown(best):
			if shown(id) {
				best = id
			}
		case m.RoleRank(q.Role) < m.RoleRank(b.Role):
			best = id
		}
	}
	if best == "" {
		return ""
	}
	q := team.people[best]
	who := cmp.Or(q.Name, q.ID)
	var next *skills.Goal
	for i, g := range q.Goals {
		if g.Open() && !g.Due.IsZero() && (next == nil || g.Due.Before(next.Due)) {
			next = &q.Goals[i]
		}
	}
	if next == nil {
		return who + " to coach through their next piece of work"
	}
	return fmt.Sprintf("%s to coach through \"%s\" (due %s)", who, ShortGoal(next.Text), date(next.Due))
}

// setOf says how many levels a baseline set: "all 23", "15 of 24".
func setOf(b *Baseline) string {
	if b.Moved >= b.Assessed {
		return fmt.Sprintf("all %d", b.Assessed)
	}
	return fmt.Sprintf("%d of %d", b.Moved, b.Assessed)
}

// named puts a skill's name in place of "it" in a reason.
func named(reason, name string) string {
	for _, p := range []string{"depends on it", "turns on it", "the stretch beyond it", "needs it"} {
		reason = strings.Replace(reason, p, strings.TrimSuffix(p, "it")+name, 1)
	}
	return strings.Replace(reason, "the stretch beyond "+name, "the stretch beyond it in "+name, 1)
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// BelowRole lists the skills below the current role's bar that are gaps:
// those rated down on a return from leave are re-entry (ReentryGaps).
func (pl *Plan) BelowRole() []SkillGap {
	var out []SkillGap
	for _, g := range pl.Current.Below {
		if pl.Returned == "" || !slices.Contains(pl.Reentry, g.ID) {
			out = append(out, g)
		}
	}
	return out
}

// ReentryGaps lists the skills rated below the current role's bar on a
// return from leave: to refresh with use, not gaps.
func (pl *Plan) ReentryGaps() []SkillGap {
	var out []SkillGap
	for _, g := range pl.Current.Below {
		if pl.Returned != "" && slices.Contains(pl.Reentry, g.ID) {
			out = append(out, g)
		}
	}
	return out
}

// CountedReadiness is the readiness for the target role as a review counts
// it, the same count as the plan's own Readiness section (Counted): a raise
// without evidence at its earlier level, and a level lowered after a return
// from leave out of the gaps, to be re-assessed together rather than held
// against the person, but not counted as at the bar either.
func (pl *Plan) CountedReadiness() Readiness {
	rd := pl.Counted()
	if pl.Returned == "" {
		return rd
	}
	rd.Below = slices.DeleteFunc(slices.Clone(rd.Below), func(g SkillGap) bool { return slices.Contains(pl.Reentry, g.ID) })
	return rd
}

// Judged is false while it is too early to hold levels against a bar: a
// new hire's first 90 days, or most skills with no level yet.
func (pl *Plan) Judged() bool { return pl.Verdict.Kind != "onboarding" && !TooEarly(pl) }

// spoken is an evidence entry as a plan addressed to the person shows it:
// as written, or, when it speaks of them as he or she, said to them
// ("since he joined" reads "since you joined"). One that names them is
// pointed to, for the 1:1, rather than quoted to them.
func spoken(text string, p *skills.Person, mgr string) string {
	first := firstWord(p.Name)
	if !ThirdPerson(text, first) {
		return text
	}
	if !slices.Contains(strings.FieldsFunc(text, notLetter), first) {
		return secondPerson.Replace(text)
	}
	if mgr == "" || mgr == "your manager" {
		return "a note written about you, in your skill file: talk it through at the next 1:1"
	}
	return fmt.Sprintf("a note from %s, in your skill file: talk it through with %s at the next 1:1", mgr, mgr)
}

// secondPerson turns a note's he or she into you, whole words only (the
// replacer is applied to text padded by the word boundaries below).
var secondPerson = wordReplacer(
	"he is", "you are", "she is", "you are", "he was", "you were", "she was", "you were", "he has", "you have", "she has", "you have",
	"himself", "yourself", "herself", "yourself", "his", "your", "hers", "yours", "her", "your", "him", "you", "he", "you", "she", "you",
)

type wordRep struct{ pairs [][2]string }

func wordReplacer(kv ...string) wordRep {
	var w wordRep
	for i := 0; i+1 < len(kv); i += 2 {
		w.pairs = append(w.pairs, [2]string{kv[i], kv[i+1]})
		w.pairs = append(w.pairs, [2]string{upperFirst(kv[i]), upperFirst(kv[i+1])})
	}
	return w
}

// Replace replaces each phrase where it stands as whole words.
func (w wordRep) Replace(text string) string {
	for _, kv := range w.pairs {
		var b strings.Builder
		rest := text
		for {
			i := strings.Index(rest, kv[0])
			if i < 0 {
				b.WriteString(rest)
				break
			}
			j := i + len(kv[0])
			before := i == 0 || !unicode.IsLetter(rune(rest[i-1]))
			after := j == len(rest) || !unicode.IsLetter(rune(rest[j]))
			b.WriteString(rest[:i])
			if before && after {
				b.WriteString(kv[1])
			} else {
				b.WriteString(kv[0])
			}
			rest = rest[j:]
		}
		text = b.String()
	}
	return text
}

// notYetAsked reports whether s is a people leader's skill (the team
// development pillar) whose bar does not rise from role to target, for
// someone whose role and target lead no one: it waits, unassessed, for a
// job that asks more of it, rather than heading their "Assess first".
func notYetAsked(s *skills.Skill, role, target *skills.Role) bool {
	return s.Pillar == "team-development" && !role.Leads && !target.Leads && s.Expect[target.ID] <= s.Expect[role.ID]
}

// stalled says, in the plan of someone whose plan period is older than the
// review cycle, that none of their focus skills has gone up a level in it
// (levels raised without evidence aside), as the team view flags it; "" when
// one has, when it is too early to tell, or when a baseline in the period
// leaves nothing to compare.
func stalled(pl *Plan, agreed []string, cycle int) string {
	if !pl.Progress.Known || pl.Progress.Baseline != nil || len(pl.Focus) == 0 || pl.Person.PlanStart == "" || pl.Today.day.IsZero() || cycle <= 0 {
		return ""
	}
	start, err := time.Parse(time.DateOnly, pl.Person.PlanStart)
	if err != nil {
		return ""
	}
	days := int(pl.Today.day.Sub(start).Hours() / 24)
	if days <= cycle {
		return ""
	}
	// Only the focus the file pins is one the person agreed to: a focus
	// the plan ranks today may not have been the focus at all in the
	// period (a cold read found people charged with skills nobody chose).
	pinned := map[string]bool{}
	for _, id := range agreed {
		pinned[id] = true
	}
	steps := 0
	for _, f := range pl.Focus {
		if f.Next.Value <= f.Level.Value || f.StretchPast != "" || !pinned[f.ID] {
			continue // at the bar (the goal is where it shows, the level past it a stretch), or never agreed
		}
		steps++
		for _, mv := range pl.Progress.Moves {
			if mv.ID == f.ID && mv.To > mv.From && mv.RaisedOn == "" {
				return ""
			}
		}
	}
	if steps == 0 {
		return ""
	}
	return fmt.Sprintf("None of the focus skills agreed in your file has gone up a level in the %d days since %s: ask %s at the next 1:1 what has stood in the way, and change the plan, not only the dates.",
		days, pl.Person.PlanStart, cmp.Or(pl.ManagerCall, "your manager"))
}

// calibrateWithWhom says with whom p can calibrate ratings: the peers who
// report to p's manager (those who lead people, when p does), by name, as
// "with Gus"; when there are none, why a calibration "with the others"
// cannot be held as written: "no other Group Product Manager reports to
// Pia". "" when p has no manager in the team.
func calibrateWithWhom(m *skills.Matrix, p *skills.Person, team *TeamIndex) (with, none string) {
	if p.Manager == "" || team.names[p.Manager] == "" {
		return "", ""
	}
	leads := false
	if r := m.Role(p.Role); r != nil {
		leads = r.Leads
	}
	var peers []string
	for _, id := range team.reports[p.Manager] {
		q := team.people[id]
		if id == p.ID || q == nil {
			continue
		}
		if r := m.Role(q.Role); leads && (r == nil || !r.Leads) {
			continue
		}
		peers = append(peers, team.callName(q))
	}
	if len(peers) > 0 {
		return "with " + andList(peers), ""
	}
	role := p.Role
	if r := m.Role(p.Role); r != nil {
		role = r.Name
	}
	return "", fmt.Sprintf("no other %s reports to %s", role, team.managerCall(p))
}

// roleFull reports whether the team's shape names role and the team already
// has that many people in it, going forward (shapeHave).
func roleFull(m *skills.Matrix, cfg skills.Config, team []*skills.Person, role string) bool {
	want, ok := cfg.Team.Shape[role]
	if !ok {
		return false
	}
	have, _ := shapeHave(m, team)
	return have[role] >= want
}

// strengthsEarlier says which of the examples quoted for strengths predate
// the assessment of day, the one they are named on: those showed the level
// before it. It names them when only some do (cold read 15: an example of
// after the assessment is not said to predate it), and is "" when none do.
func strengthsEarlier(strengths []Strength, day string) string {
	var before []string
	shown := 0
	for _, st := range strengths {
		if st.Shows == "" {
			continue
		}
		shown++
		// Shows opens with its entry's day (earnedStrengths writes it so).
		if st.Shows[:min(len(st.Shows), 10)] < day {
			before = append(before, st.Name)
		}
	}
	const tail = "and the calibration looks for what shows the new one."
	switch {
	case len(before) == 0:
		return ""
	case len(before) == shown && shown == 1:
		return fmt.Sprintf("The example dates from before %s: it showed the earlier level, %s", day, tail)
	case len(before) == shown:
		return fmt.Sprintf("The examples date from before %s: they showed the level before it, %s", day, tail)
	case len(before) == 1:
		return fmt.Sprintf("The example for %s dates from before %s: it showed the earlier level, %s", before[0], day, tail)
	}
	return fmt.Sprintf("The examples for %s date from before %s: they showed the level before it, %s", andList(before), day, tail)
}

// counted is what a plan counts of a person's levels: a level raised in
// the period with no example behind it counts at the level before it, and
// so does a level set lower in the period with no example behind it (never
// a re-baseline, which progress counts from, nor a return from leave): a
// lowering is no more a fact than a raise is until it rests on something.
// person is p with the counted levels (p itself when none differ).
type counted struct {
	person          *skills.Person
	raised, lowered map[string]unbacked
	progress        Progress
	sorted          []*skills.Change
	baselines       []Baseline
}

// countedLevels gives the levels p's own plan counts, from p's file and
// history; managerName is p's manager's name. A leader's view of a report
// reads the report through it, so both count one set of levels.
func countedLevels(m *skills.Matrix, p *skills.Person, history []skills.Change, managerName string) counted {
	today := TodayOf(p)
	sorted := oldestFirst(history)
	bs := baselines(sorted, p, managerName)
	raised := unbackedRaises(sorted, p)
	for id, u := range raised {
		if p.PlanStart.IsZero() || u.On < date(p.PlanStart) {
			delete(raised, id) // before the period, a raise is its starting point
		}
	}
	pr := progress(m, p, history, today.day, bs, raised)
	lowered := map[string]unbacked{}
	for _, mv := range pr.Moves {
		if mv.Unbacked {
			lowered[mv.ID] = unbacked{On: lastSet(sorted, mv.ID, pr.Start, today), From: mv.From}
		}
	}
	c := counted{person: p, raised: raised, lowered: lowered, progress: pr, sorted: sorted, baselines: bs}
	if len(raised) > 0 || len(lowered) > 0 {
		q := *p
		q.Levels = maps.Clone(p.Levels)
		for id, u := range raised {
			q.Levels[id] = u.From
		}
		for id, u := range lowered {
			q.Levels[id] = u.From
		}
		c.person = &q
	}
	return c
}

// lowering is a level set lower with no example behind it: To on On,
// counted at From.
type lowering struct {
	SkillRef
	To, From int
	FromName string
	On       string
}

// lastSet is the day the manager last set skill's level since from and on
// or before the plan's today; the plan's today when no commit in sorted
// did (the file as it stands).
func lastSet(sorted []*skills.Change, skill, from string, today Today) string {
	on := today.Date
	for _, c := range sorted {
		if d := date(c.Date); c.Kind == skills.KindLevel && c.Skill == skill && d > from && (today.Date == "" || d <= today.Date) {
			on = date(c.Date)
		}
	}
	return on
}

// LoweredWithoutEvidence are the skills whose level was set lower in the
// period with no example written down behind it, which the plan counts at
// the level before, in matrix order.
func (pl *Plan) LoweredWithoutEvidence() []string {
	var ids []string
	for _, l := range pl.lowered {
		ids = append(ids, l.ID)
	}
	return ids
}

// Counted is the readiness for the target the plan counts everywhere: on
// the levels before any raise without evidence, as the verdict is judged.
func (pl *Plan) Counted() Readiness {
	if pl.backed != nil {
		return pl.backed[0]
	}
	return pl.Readiness
}

// CaseWith is who the manager makes the promotion case with, as the
// plan's sponsorship commitment says: the manager's manager while the
// manager hands their people over, or when the manager is a sponsor the
// case needs another for; "" when the manager makes it alone.
func (pl *Plan) CaseWith() string {
	if pl.handover != nil {
		return pl.handover.with
	}
	return pl.cosponsor
}

// CountedCurrent is Counted for the current role.
func (pl *Plan) CountedCurrent() Readiness {
	if pl.backed != nil {
		return pl.backed[1]
	}
	return pl.Current
}

// RaisedOn is the day of the latest raise without evidence that the plan
// counts at its earlier levels; "" when none is.
func (pl *Plan) RaisedOn() string { return pl.raisedOn }

// CaseNote opens the focus of someone at the target's bar everywhere, on
// levels nobody holds for calibration: the focus is their promotion case,
// not a bar-raising stretch, and it says what evidence makes it (their goals
// on the focus skills, by their dates), who makes it and when.
func (pl *Plan) CaseNote() string {
	var goals []string
	seen := map[string]bool{}
	for _, f := range pl.Focus {
		for _, text := range f.Goals {
			if seen[text] {
				continue
			}
			seen[text] = true
			for _, g := range pl.Goals {
				if g.Text == text && !g.Overdue {
					goals = append(goals, caseEvidence(g))
				}
			}
		}
	}
	evidence := "work others can see on the skills below, written down as it happens"
	if len(goals) > 0 {
		evidence = strings.Join(goals, "; ")
	}
	who := pl.aheadCall()
	makes := "makes"
	if with := pl.caseWith(); with != "" {
		who, makes = who+" and "+with, "make"
	}
	return fmt.Sprintf("The focus below is your promotion case, not a level beyond the bar. Its evidence: %s. %s %s the case at the next promotion round.", evidence, upperFirst(who), makes)
}

// Stretches reports whether a focus skill asks for the level past the
// target's bar (see Focus.StretchPast).
func (pl *Plan) Stretches() bool {
	return slices.ContainsFunc(pl.Focus, func(f Focus) bool { return f.StretchPast != "" })
}

// MentoringUnsaid are the people this person mentors whom no strength of
// the plan names already in its use: each said once (cold read 7).
func (pl *Plan) MentoringUnsaid() []MentorLink {
	var out []MentorLink
	for _, l := range pl.Mentoring {
		if !slices.ContainsFunc(pl.Strengths, func(st Strength) bool {
			return st.ID == l.Skill.ID && strings.Contains(st.Use, l.Person.Name)
		}) {
			out = append(out, l)
		}
	}
	return out
}

// maxWhy is how many reasons a focus's "Why" gives: two or three, not every
// rule that fired.
const maxWhy = 3

// whyOf is a focus's reasons as its "Why" says them: the most specific
// first (those that quote the person's own goal or evidence), then where
// the level stands against a bar, then how the person rates themselves,
// then the rest (a focus chosen together, a wish to grow it, the move's
// shift); at most maxWhy of them, in the file's order within each kind.
func whyOf(reasons []string) string {
	rank := func(r string) int {
		switch {
		case strings.Contains(r, `"`):
			return 0
		case strings.Contains(r, " asks for ") || strings.Contains(r, " bar") || strings.Contains(r, "top of the scale") ||
			strings.Contains(r, "no level yet") || strings.Contains(r, "not assessed yet") || strings.HasPrefix(r, "it is rated "):
			return 1
		case strings.HasPrefix(r, "you rate yourself"):
			return 2
		}
		return 3
	}
	out := slices.Clone(reasons)
	slices.SortStableFunc(out, func(a, b string) int { return rank(a) - rank(b) })
	if len(out) > maxWhy {
		out = out[:maxWhy]
	}
	return strings.Join(out, "; ")
}

// learnFromWho says each focus skill's "Learn from" in the person's own
// terms (cold read 17: the same lines word for word in several plans):
// the practice at work is done in their own goal on the skill, or for the
// step they are taking, and the person to learn from starts with the
// teammate the plan pairs them with on it.
func learnFromWho(pl *Plan) {
	for i := range pl.Focus {
		f := &pl.Focus[i]
		switch {
		case len(f.Goals) > 0:
			f.WorkIn = fmt.Sprintf("in \"%s\"", ShortGoal(f.Goals[0]))
		case f.Level.Value > 0 && f.Next.Value > f.Level.Value:
			f.WorkIn = fmt.Sprintf("for the step from %d %s to %d %s", f.Level.Value, f.Level.Name, f.Next.Value, f.Next.Name)
		}
		for _, l := range pl.Mentors {
			if l.Skill.ID == f.ID {
				f.WhoFirst = l.Person.Name
				break
			}
		}
	}
}

// assessInOnes is how many skills with no level the weekly 1:1s assess
// one by one; more are set in one session.
const assessInOnes = 5

// assessSession books one 90-minute session for the n skills with no level
// when there are more than assessInOnes: before the first of the person's
// open goals due within 30 days (the goals lean on those levels), else
// within 30 days of today. The manager brings a draft, the person an
// example for each. "" for few skills, or no today.
func assessSession(p *skills.Person, n int, today time.Time, manager string) string {
	by := assessBy(p, n, today)
	if by.IsZero() {
		return ""
	}
	who := manager
	if who == "" {
		who = "your manager"
	}
	return fmt.Sprintf("You and %s set the %d levels not yet assessed in one 90-minute session before %s: %s brings a draft, you bring an example for each.",
		who, n, longDate(by, today), who)
}
