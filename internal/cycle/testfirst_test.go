package cycle

import (
	"slices"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// TestTestFirst: the levels a manager calibrates first, and why (VP cold
// read: "communication first" gave no reason). The skills a re-baseline
// moved most, largest step first; when every level moved alike, the one
// or two readings furthest above the person's own role's bar; a tie of
// three or more there names nothing.
func TestTestFirst(t *testing.T) {
	m := &skills.Matrix{Levels: []skills.Level{{Value: 5, Name: "Shaping"}}, Skills: []skills.Skill{
		{ID: "a", Name: "Communication", Expect: map[string]int{"pm": 2}},
		{ID: "b", Name: "Technical fluency", Expect: map[string]int{"pm": 2}},
		{ID: "c", Name: "Decisions and risk", Expect: map[string]int{"pm": 1}},
		{ID: "d", Name: "Data", Expect: map[string]int{"pm": 2}},
	}}
	prior := map[string]int{"a": 2, "b": 2, "c": 1, "d": 2}
	if got, want := jumped(m, prior, map[string]int{"a": 3, "b": 5, "c": 3, "d": 3}), []string{"technical fluency (2 to 5)", "decisions and risk (1 to 3)"}; !slices.Equal(got, want) {
		t.Errorf("moved most: got %q, want %q", got, want)
	}
	alike := map[string]int{"a": 3, "b": 3, "c": 2, "d": 3}
	if got := jumped(m, prior, alike); got != nil {
		t.Errorf("every level moved alike: got %q, want none", got)
	}
	p := &skills.Person{Role: "pm", Levels: map[string]int{"a": 3, "b": 5, "c": 2, "d": 3}}
	if got, want := generous(m, p), []string{"technical fluency at 5 Shaping"}; !slices.Equal(got, want) {
		t.Errorf("furthest above the bar: got %q, want %q", got, want)
	}
	p.Levels = alike
	if got := generous(m, p); got != nil {
		t.Errorf("four readings one above the bar: got %q, want none", got)
	}
}
