package plans

import (
	"fmt"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

func TestBuildReview(t *testing.T) {
	m := matrix(t)
	day := time.Date(2026, 11, 17, 0, 0, 0, 0, time.UTC)
	person := func(id, name string, levels map[string]int, ev ...skills.Evidence) *skills.Person {
		return &skills.Person{ID: id, Path: "skills/" + id + ".toml", Name: name, Role: "pm", Levels: levels, Self: map[string]int{}, Evidence: ev}
	}
	side := func(raw map[string]string, people ...*skills.Person) Side {
		s := Side{Label: "x", When: day, People: map[string]*skills.Person{}, Raw: map[string][]byte{}, Invalid: map[string]bool{}}
		for _, p := range people {
			s.People[p.ID] = p
			s.Raw[p.ID] = []byte(raw[p.ID])
		}
		return s
	}
	lv := map[string]int{"negotiation": 2, "coaching": 1}
	tests := []struct {
		name       string
		base, head Side
		want       []string // id status levels
	}{
		{
			name: "a private-only edit is not shown",
			base: side(map[string]string{"a": "v1"}, person("a", "A", lv)),
			head: side(map[string]string{"a": "v1 with private notes"}, person("a", "A", lv)),
		},
		{
			name: "renamed by identical content",
			base: side(map[string]string{"a": "same"}, person("a", "A", lv)),
			head: side(map[string]string{"a-smith": "same"}, person("a-smith", "A", lv)),
			want: []string{"a-smith renamed from a: 0 levels"},
		},
		{
			name: "renamed by name, with a raise backed by new evidence",
			base: side(map[string]string{"a": "v1"}, person("a", "A", lv)),
			head: side(map[string]string{"a-smith": "v2"}, person("a-smith", "A", map[string]int{"negotiation": 3, "coaching": 1},
				skills.Evidence{Date: day.AddDate(0, 0, 2), Skill: "negotiation", Text: "t"})),
			want: []string{"a-smith renamed from a: 1 levels, negotiation up backed"},
		},
		{
			name: "a raise without evidence, a fall, an addition and a removal",
			base: side(map[string]string{"a": "v1", "b": "b"}, person("a", "A", lv), person("b", "B", lv)),
			head: side(map[string]string{"a": "v2", "c": "c"}, person("a", "A", map[string]int{"negotiation": 1, "coaching": 2}),
				person("c", "C", lv)),
			want: []string{"a changed: 2 levels, coaching up unbacked, negotiation down", "b removed: 0 levels", "c added: 0 levels"},
		},
		{
			name: "an invalid side is not summarised",
			base: side(map[string]string{"a": "v1"}, person("a", "A", lv)),
			head: func() Side {
				s := side(map[string]string{"a": "v2"}, person("a", "A", map[string]int{"negotiation": 9}))
				s.Invalid["a"] = true
				return s
			}(),
			want: []string{"a invalid: 0 levels"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := BuildReview(ReviewInput{Matrix: m, Config: skills.DefaultConfig(), Base: tt.base, Head: tt.head})
			var got []string
			for _, p := range r.People {
				s := p.ID + " " + p.Status
				if p.From != "" {
					s += " from " + p.From
				}
				s += fmt.Sprintf(": %d levels", len(p.Levels))
				for _, l := range p.Levels {
					switch {
					case !l.Up:
						s += ", " + l.ID + " down"
					case l.WithoutEvidence:
						s += ", " + l.ID + " up unbacked"
					default:
						s += ", " + l.ID + " up backed"
					}
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
