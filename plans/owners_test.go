package plans

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coach-dev/coach/skills"
)

// Cold read 9, findings 1 and 2: who owns the work a focus action asks
// for. Every name here is the test's own.

// actionsOf lists the texts of the focus actions on skill id, as the plan
// says them.
func actionsOf(pl *Plan, id string) []string {
	var out []string
	for _, f := range pl.Focus {
		if f.ID != id {
			continue
		}
		for _, a := range f.Actions {
			out = append(out, a.Text+" | "+a.Evidence)
		}
	}
	return out
}

// An organisation-wide deliverable is a proposal until it is a goal in its
// owner's file (cold read 10, finding 6): the plan asks the person to
// propose it to their manager, and a report is given no part of it. Once
// it is the manager's goal, it has one owner: the report brings their part
// two weeks before the goal's date, and a milestone never comes before
// that date.
func TestOrgDeliverableHasOneOwner(t *testing.T) {
	m := matrix(t)
	rosa := &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "director", Levels: atBar(m, "director"), Manager: "vic",
		Focus: []string{"communication"}, Assessed: day("2026-10-20")}
	rosa.Levels["communication"] = 4
	vic := &skills.Person{ID: "vic", Name: "Vic Amadi", Role: "vp", Levels: atBar(m, "vp")}
	kim := func() *skills.Person {
		return &skills.Person{ID: "kim", Name: "Kim Vale", Role: "principal-pm", Manager: "rosa", Levels: atBar(m, "principal-pm"),
			Focus: []string{"communication"}, Assessed: day("2026-11-10")}
	}
	const deliverable = "Write the product principles or narrative the organisation plans from, and retell it at every planning cycle, all-hands and leadership offsite for two quarters. | Teams outside product citing the narrative in their own plans; the same story told by people who heard it from you."
	own := build(t, rosa, vic)
	if got := actionsOf(own, "communication"); !cmp.Equal(got, []string{deliverable}) {
		t.Fatalf("the manager's own action: %q", got)
	}
	if got, want := own.Focus[0].Actions[0].InPlan, "A suggestion to raise with Vic at your next 1:1: write the product principles or narrative the organisation plans from, by 2027-01-20; after this plan: retell it at every planning cycle, all-hands and leadership offsite for two quarters."; got != want {
		t.Errorf("the manager's own action, in the plan:\n got %q\nwant %q", got, want)
	}
	if got := actionsOf(build(t, kim(), rosa, vic), "communication"); got != nil {
		t.Errorf("a part of a deliverable only proposed: %q", got)
	}
	agreed := *rosa
	agreed.Goals = []skills.Goal{{Text: "Write the product principles the organisation plans from", Skills: []string{"communication"}, Due: day("2027-01-20")}}
	pl := build(t, kim(), &agreed, vic)
	want := []string{`Your part in Rosa's goal "Write the product principles the organisation plans from" (due 2027-01-20): agree with Rosa at your next 1:1 which part is yours, and bring it to Rosa by 2027-01-06. | Your part in Rosa's hands by 2027-01-06, and Rosa able to say, once it is out, which of it came from you.`}
	if diff := cmp.Diff(want, actionsOf(pl, "communication")); diff != "" {
		t.Errorf("the report's action (-want +got):\n%s", diff)
	}
	// Without the manager in the repository, the deliverable is the
	// person's own, due at their review; what others see of it is not a
	// milestone before then.
	alone := build(t, kim())
	if got := actionsOf(alone, "communication"); !cmp.Equal(got, []string{deliverable}) {
		t.Errorf("no manager in the repository: %q", got)
	}
	for _, ms := range alone.Milestones {
		if ms.Days < 90 && strings.Contains(ms.Text, "citing the narrative") {
			t.Errorf("a milestone on day %d before the action is due on %s: %q", ms.Days, alone.NextReview, ms.Text)
		}
	}
	// With the manager, the part is due before day 60: it is the 60-day
	// milestone.
	var sixty string
	for _, ms := range pl.Milestones {
		if ms.Days == 60 {
			sixty = ms.Text
		}
	}
	if want := "What others can see: Communication up, down and sideways: your part in Rosa's hands by 2027-01-06, and Rosa able to say, once it is out, which of it came from you; Vision and product strategy: the vision adopted, and teams citing it in their decisions since."; sixty != want {
		t.Errorf("day 60:\n got %q\nwant %q", sixty, want)
	}
}

// A manager whose own setbacks say they hold on to their reports' work is
// not given more of their time on it: the report owns the work. And a
// manager whose reports already have plans goes through them, never writes
// new ones.
func TestActionsByWhoOwnsTheWork(t *testing.T) {
	m := matrix(t)
	ana := &skills.Person{ID: "ana", Name: "Ana Ruiz", Role: "pm", Manager: "kim", Levels: atBar(m, "pm")}
	ben := &skills.Person{ID: "ben-h", Name: "Ben Holt", Role: "pm", Manager: "kim", Levels: atBar(m, "pm")}
	const critique = "Block one hour a week with each report for work critique; open every session with a question and give advice only after they have proposed an answer."
	// The month breaks the habit in the person's own words (cold read 10,
	// finding 11): two managers with the habit read two actions.
	const owns = "For the next month, break the habit written down on 2026-11-01 (\"Handed the roadmap to a report, but still rewrites their updates before they go out\"): the work goes out as its author wrote it, and you coach them on it afterwards, in a half-hour where they speak first and you ask before you advise."
	const ownsSpecs = "For the next month, break the habit written down on 2026-11-01 (\"Still reviews every spec line by line\"): the work goes out as its author wrote it, and you coach them on it afterwards, in a half-hour where they speak first and you ask before you advise."
	const write = "Write a development plan with each report from the skill matrix, with goals, actions and evidence, and review it monthly in your 1:1s."
	tests := []struct {
		name    string
		setback string
		team    []*skills.Person
		skill   string
		want    string
		notWant string
	}{
		{name: "rewrites their work", setback: "Handed the roadmap to a report, but still rewrites their updates before they go out",
			skill: "coaching", want: owns, notWant: critique},
		{name: "reviews every spec line by line", setback: "Still reviews every spec line by line; specs wait for sign-off",
			skill: "coaching", want: ownsSpecs, notWant: critique},
		{name: "a setback of another kind", setback: "Missed two 1:1s in October, but rescheduled both",
			skill: "coaching", want: critique, notWant: owns},
		{name: "reports with plans", team: []*skills.Person{ana, ben}, skill: "career-development",
			want:    "Go through the plans Ana and Ben already have, in a 1:1 with each: agree the focus skills and goals in their words, and come back to them monthly in your 1:1s.",
			notWant: write},
		{name: "one report with a plan", team: []*skills.Person{ana}, skill: "career-development",
			want:    "Go through the plan Ana already has, in a 1:1 with them: agree the focus skills and goals in their words, and come back to them monthly in your 1:1s.",
			notWant: write},
		{name: "no report in the repository", skill: "career-development", want: write},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kim := &skills.Person{ID: "kim", Name: "Kim Vale", Role: "gpm", Levels: atBar(m, "gpm"), Focus: []string{tt.skill},
				Assessed: day("2026-11-10")}
			kim.Levels[tt.skill] = 2
			if tt.setback != "" {
				kim.Evidence = []skills.Evidence{{Date: day("2026-11-01"), Skill: "delegation", Text: tt.setback}}
			}
			var texts []string
			for _, a := range actionsOf(build(t, kim, tt.team...), tt.skill) {
				texts = append(texts, strings.SplitN(a, " | ", 2)[0])
			}
			if !slices.Contains(texts, tt.want) {
				t.Errorf("want %q among %q", tt.want, texts)
			}
			if tt.notWant != "" && slices.Contains(texts, tt.notWant) {
				t.Errorf("%q still among the actions", tt.notWant)
			}
		})
	}
}
