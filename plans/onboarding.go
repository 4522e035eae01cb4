package plans

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/coach-dev/coach/skills"
)

// A new hire's plan is not a list of skills nobody has assessed yet: it is
// what to learn in the first 90 days (the product, its customers, the team
// and the business), who to meet, and when the first assessment is due. A
// plan is an onboarding plan when its verdict says so (see VerdictOf).

// Onboarding is a new hire's first 90 days.
type Onboarding struct {
	// Start is the first day (plan_start, else the assessment date).
	Start string `json:"start,omitempty"`
	// FirstAssessment is when every skill should have a level: day 90.
	FirstAssessment string   `json:"first_assessment,omitempty"`
	Phases          []Phase  `json:"phases"`
	Meet            []string `json:"meet"`
}

// Phase is one stretch of the first 90 days, up to its day.
type Phase struct {
	Days  int      `json:"days"`
	Date  string   `json:"date,omitempty"`
	Title string   `json:"title"`
	Goal  string   `json:"goal"`
	Items []string `json:"items"`
	// Checks are the items again, each marked done when the person's
	// evidence shows it done.
	Checks []Check `json:"checks"`
}

// Check is an item of a checklist, done or not.
type Check struct {
	Text string `json:"text"`
	Done bool   `json:"done"`
}

func onboarding(m *skills.Matrix, role *skills.Role, managerName, buddy string, start time.Time, evidence []skills.Evidence, goals []skills.Goal) *Onboarding {
	day := func(n int) string {
		if start.IsZero() {
			return ""
		}
		return date(start.AddDate(0, 0, n))
	}
	o := &Onboarding{Start: date(start), FirstAssessment: day(90)}
	ic := !role.Leads && m.RoleRank(role.ID) > m.RoleRank("senior-pm") && m.RoleRank("senior-pm") >= 0
	learn := Phase{Days: 30, Date: day(30), Title: "Learn the product and its customers",
		Goal: "You can demo the product as a customer uses it and name the three problems customers raise most.",
		Items: []string{
			"Use the product end to end as your customers do, on the journeys your area owns, and keep a one-page log of every point of friction.",
			"Sit in on at least five customer or support calls, and read the last month of support tickets for your area. Write down the three problems you heard most, in customers' words.",
			"Read the current strategy, the roadmap and the last two quarterly reviews of your area, and list the questions they leave you with.",
			"Shadow how the team ships: one planning session, one release and one incident review.",
		}}
	team := Phase{Days: 60, Date: day(60), Title: "Learn the team and the business",
		Goal: "You can explain how your area makes money, which number shows it is working, and what slows the team down.",
		Items: []string{
			"Meet every engineer, designer and analyst you work with, one to one: what they are proud of, what slows them down, what they expect from a PM.",
			"Learn the numbers: your area's main metric, its trend over the last year, and how it is measured. Rebuild one of its charts yourself.",
			learnBusiness(goals),
			"Pair with your manager on one running piece of work (a backlog, a small feature or a metric review) and run its next step yourself, with them beside you.",
		}}
	contribute := Phase{Days: 90, Date: day(90), Title: "Contribute and set direction",
		Goal: "You own a decision and a direction, and every skill in the matrix has a level.",
		Items: []string{
			"Own one decision end to end and write it up: the options, the evidence and your recommendation.",
			"Present your reading of the area's biggest opportunity to your manager and your team: what you learned, what you would change, and what you would keep.",
			"Agree your first goals with your manager, each with a date and the skills it asks for, and write them down together.",
			"Rate yourself on every skill of the matrix before the first assessment, with one example from your work for each.",
		}}
	if role.Leads {
		team.Items[0] = "Meet each of your reports one to one: their career goals, their current plan, and what they need from you. Then meet their teams without them (skip-levels)."
		team.Items[3] = "Read every report's development plan and last assessment, and say what you would keep and what you would change in each."
		contribute.Items[0] = "Write down how your team works (rituals, decision rights, the metrics it reviews) and one change you will make, agreed with your manager."
	}
	// Someone hired into a role above the first rung of the ladder has done
	// the job before: they run the team's rhythm and their own work from
	// the first month, rather than shadow it and take work over.
	entry := !slices.ContainsFunc(m.Roles, func(r skills.Role) bool { return r.Next == role.ID })
	if !entry && !role.Leads {
		learn.Items[3] = "Run one planning session of your team with its engineering lead, and write down one thing you would change in how the team ships."
		team.Items[3] = "Take over the backlog of your area from your manager and run its next prioritisation yourself, with the trade-offs written down."
	}
	if !role.Leads && len(goals) > 0 {
		// The new hire's own first goal is their work of the first months:
		// no takeover beside it.
		g := goals[0]
		due := ""
		if !g.Due.IsZero() {
			due = " (due " + date(g.Due) + ")"
		}
		team.Items[3] = fmt.Sprintf("Plan \"%s\"%s with the people it needs, and bring its first risk to a 1:1 before it becomes a problem.", g.Text, due)
		contribute.Items[2] = "Agree with your manager the goals that follow your first one, each with a date and the skills it asks for, and write them down together."
	}
	if ic {
		contribute.Items[0] = "Find the problem that spans teams and that nobody owns yet; write a one-page brief on it and test it with two other leads."
	}
	o.Phases = []Phase{learn, team, contribute}
	var texts []string
	for _, e := range evidence {
		texts = append(texts, e.Text)
	}
	for i := range o.Phases {
		ph := &o.Phases[i]
		ph.Checks = make([]Check, len(ph.Items))
		for j, it := range ph.Items {
			ph.Checks[j] = Check{Text: it, Done: shown(texts, it)}
		}
	}
	manager := managerName
	if manager == "" {
		manager = "Your manager"
	}
	o.Meet = []string{
		fmt.Sprintf("%s: weekly 1:1s from the first week; agree what good looks like at day 90.", manager),
		"The engineering lead and the design lead of your area, in the first week.",
		buddyLine(buddy),
		"Two or three customers or partners of your area, with the colleague who knows them best.",
		leadsToMeet(goals),
		"The data or analytics partner who owns your area's metrics.",
	}
	if role.Leads {
		o.Meet = append(o.Meet, "Every report, in the first two weeks, and your peers on the leadership team.")
	}
	return o
}

// The business a new hire learns is their own team's, not a generic
// software company's: no sign-ups, sales pipelines or lost deals assumed.
// The team their first goal works with, when it names one, is where they
// start.

// learnBusiness is the onboarding item on how the area's business works.
func learnBusiness(goals []skills.Goal) string {
	ask := "the team closest to them"
	if who := firstCounterpart(goals); who != "" {
		ask = who
	}
	return fmt.Sprintf("Learn the business: how your area earns or saves money, who its largest customers or partners are, and what would make them leave. Ask %s for one recent case to walk through.", ask)
}

// leadsToMeet is whom to meet among the functions around the area.
func leadsToMeet(goals []skills.Goal) string {
	if who := firstCounterpart(goals); who != "" {
		return fmt.Sprintf("The leads of the teams your area works with most, %s first, or the people they delegate to.", who)
	}
	return "The leads of the teams your area works with most, or the people they delegate to."
}

// firstCounterpart is the team or person the first open goal is with.
func firstCounterpart(goals []skills.Goal) string {
	for _, g := range goals {
		if g.Open() && g.Text != "" {
			return partnerWith(g.Text)
		}
	}
	return ""
}

func buddyLine(buddy string) string {
	if buddy == "" {
		return "A peer PM a level above you, as your onboarding buddy: ask them what they wish they had known in their first month."
	}
	return buddy + buddySuffix + " ask what they wish they had known in their first month."
}

// buddySuffix follows a named buddy's name in the plan's list of whom to
// meet.
const buddySuffix = ", your onboarding buddy:"

// onboardingWindows are a manager's onboarding promises to a new hire who
// joined on joined that are still ahead on today, the date of the plan that
// says them: the introductions (made in the first two weeks) and no
// delivery deadline of their own before day 30. A window that has closed is
// not promised again: past says when the first 30 days ended, once day
// 30 has gone by, "" before.
func onboardingWindows(joined, today time.Time, intros, own string) (ahead []string, past string) {
	if joined.IsZero() || today.IsZero() || !today.After(joined.AddDate(0, 0, introDays)) {
		ahead = append(ahead, intros+" made in the first two weeks")
	}
	end := joined.AddDate(0, 0, 30)
	if !joined.IsZero() && today.After(end) {
		return ahead, "the first 30 days, free of delivery deadlines, ended on " + date(end)
	}
	return append(ahead, "no delivery deadline of "+own+" own before day 30"), ""
}

// promiseList joins an onboarding promise's parts, with a comma before the
// last of three or more.
func promiseList(items []string) string {
	if len(items) < 3 {
		return andList(items)
	}
	return strings.Join(items[:len(items)-1], ", ") + ", and " + items[len(items)-1]
}

// welcome is what a new hire's At a glance says, to them, with their
// manager named as the commitments below name them (one voice: never "I"
// above a list their manager signs by name; first is what the manager
// calls them): what the first 90 days are for,
// read from the plan's phases, who their buddy is, and their first real
// piece of work, their open goal due soonest; "" when the plan is not an
// onboarding plan.
func welcome(pl *Plan, first, buddy string, goals []skills.Goal) string {
	o := pl.Onboarding
	if o == nil || pl.Verdict.Kind != "onboarding" || first == "" {
		return ""
	}
	var learn []string
	for _, ph := range o.Phases {
		if t, ok := strings.CutPrefix(ph.Title, "Learn "); ok {
			learn = append(learn, t)
		}
	}
	mgr := pl.aheadCall()
	s := fmt.Sprintf("Welcome, %s.", first)
	if len(learn) > 0 {
		s += fmt.Sprintf(" These first 90 days are for learning %s, before anyone judges your work", strings.Join(learn, ", then "))
		if o.FirstAssessment != "" {
			s += fmt.Sprintf(": your first full assessment is on %s, and you and %s prepare it together", o.FirstAssessment, mgr)
		}
		s += "."
	}
	if buddy != "" {
		s += fmt.Sprintf(" %s is your onboarding buddy: half an hour every week, for whatever nobody writes down.", buddy)
	}
	var next *skills.Goal
	for i, g := range goals {
		if !g.Done.IsZero() || !g.Dropped.IsZero() || g.Due.IsZero() {
			continue
		}
		if next == nil || g.Due.Before(next.Due) {
			next = &goals[i]
		}
	}
	if next != nil {
		s += fmt.Sprintf(" Your first real piece of work is \"%s\", due %s: the calls on it are yours, and %s keeps the time for it clear.", next.Text, date(next.Due), mgr)
	} else {
		s += fmt.Sprintf(" You and %s choose your first real piece of work together at your next 1:1, from what you find in these weeks.", mgr)
	}
	return s
}
