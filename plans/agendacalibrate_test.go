package plans

import (
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
)

// A work review on a goal to calibrate ratings names the peers it is held
// with, from the repository, or with none, the manager (cold read 9: "the
// other GPMs" of a Group PM who is the only one). With none, the plan
// finds the goal cannot be done as written: the agenda asks how to
// re-word it, and does not decide it (cold read 20); asked last week, it
// asks to settle the words.
func TestCalibrationReviewNamesRealPeers(t *testing.T) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	g := skills.Goal{Text: "Run a calibration session with the other GPMs", Due: time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC)}
	p := &skills.Person{ID: "kim", Name: "Kim Vo", Role: "gpm", Manager: "ada", Goals: []skills.Goal{g}}
	for _, tt := range []struct {
		name  string
		peers []Who
		want  string
	}{
		{"none", nil, "Your goal “Run a calibration session with the other GPMs”, due 15 January 2027, cannot be done as written, as no other Group Product Manager reports to me: how would you re-word it, and whom would you calibrate with?"},
		{"two", []Who{{ID: "lu", Name: "Lu Chen"}, {ID: "mo", Name: "Mo Diaz"}},
			"Bring the date and the agenda of your calibration session with Lu Chen and Mo Diaz by 15 January 2027, and the ratings you most want them to challenge."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := &Agenda{Review: []string{"Bring the first step you will take on “" + g.Text + "” (due 15 January 2027), and what you need to take it."}}
			in := AgendaInput{Matrix: m, Person: p, Peers: tt.peers, Plan: &Plan{Person: Who{ID: "kim", Name: "Kim Vo", Manager: "ada", ManagerName: "Ada Lind"}}}
			calibrationReview(a, p, in, day)
			if a.Review[0] != tt.want {
				t.Errorf("got  %q\nwant %q", a.Review[0], tt.want)
			}
			if tt.peers != nil {
				return
			}
			in.Previous = &PreviousAgenda{Review: tt.want}
			a.Review = []string{"Bring the first step you will take on “" + g.Text + "” (due 15 January 2027), and what you need to take it."}
			calibrationReview(a, p, in, day)
			if want := "Your goal “Run a calibration session with the other GPMs” still reads as it did last week: agree its new words today."; a.Review[0] != want {
				t.Errorf("the week after: %q, want %q", a.Review[0], want)
			}
		})
	}
}
