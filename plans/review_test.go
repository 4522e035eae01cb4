package plans

import (
	"fmt"
	"slices"
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
			want: []string{"a changed: 2 levels, negotiation down, coaching up unbacked", "b removed: 0 levels", "c added: 0 levels"},
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

// A change to the matrix itself: the bars that moved, skills and roles added
// and removed, and the people whose readiness moved with it alone.
func TestBuildReviewMatrix(t *testing.T) {
	base := matrix(t)
	person := func(id, role string, levels map[string]int) *skills.Person {
		return &skills.Person{ID: id, Path: "skills/" + id + ".toml", Name: "Name " + id, Role: role, Levels: levels, Self: map[string]int{}}
	}
	// a aims at senior-pm and meets every bar; b's file changes in the
	// review, so the matrix section leaves b to its own section.
	a := person("a", "pm", atBar(base, "senior-pm"))
	b := person("b", "pm", atBar(base, "senior-pm"))
	b2 := person("b", "pm", atBar(base, "pm"))
	sides := func(m *skills.Matrix) (Side, Side) {
		bs := Side{Label: "base", People: map[string]*skills.Person{"a": a, "b": b},
			Raw: map[string][]byte{"a": []byte("a"), "b": []byte("b1")}, Invalid: map[string]bool{}}
		hs := Side{Label: "head", People: map[string]*skills.Person{"a": a, "b": b2},
			Raw: map[string][]byte{"a": []byte("a"), "b": []byte("b2")}, Invalid: map[string]bool{}}
		return bs, hs
	}

	t.Run("bars, skills and roles", func(t *testing.T) {
		head := matrix(t)
		head.Skill("negotiation").Expect["senior-pm"]++
		head.Skill("coaching").Expect["gpm"]--
		added := *head.Skill("coaching")
		added.ID, added.Name = "ai-fluency", "AI fluency"
		head.Skills = append(head.Skills, added)
		head.Skills = slices.DeleteFunc(head.Skills, func(s skills.Skill) bool { return s.ID == "product-operations" })
		head.Roles = append(head.Roles, skills.Role{ID: "staff-pm", Name: "Staff Product Manager"})
		head.Roles = slices.DeleteFunc(head.Roles, func(r skills.Role) bool { return r.ID == "cpo" })
		bs, hs := sides(head)
		r := BuildReview(ReviewInput{Matrix: head, BaseMatrix: base, Config: skills.DefaultConfig(), Base: bs, Head: hs})
		want := &MatrixReview{
			Expectations: []ExpectChange{
				{Role: RoleRef{ID: "senior-pm", Name: "Senior Product Manager"}, Skill: SkillRef{ID: "negotiation", Name: "Negotiation and trade-offs"},
					From: 3, FromName: "Proficient", To: 4, ToName: "Leading"},
				{Role: RoleRef{ID: "gpm", Name: "Group Product Manager"}, Skill: SkillRef{ID: "coaching", Name: "Coaching and mentoring"},
					From: 3, FromName: "Proficient", To: 2, ToName: "Practising"},
			},
			SkillsAdded:   []SkillRef{{ID: "ai-fluency", Name: "AI fluency"}},
			SkillsRemoved: []SkillRef{{ID: "product-operations", Name: "Processes and shared tools"}},
			RolesAdded:    []RoleRef{{ID: "staff-pm", Name: "Staff Product Manager"}},
			RolesRemoved:  []RoleRef{{ID: "cpo", Name: "Chief Product Officer"}},
			Raised:        1,
			Lowered:       1,
			// a met all 24; now negotiation's bar is above a, product
			// operations is gone, and AI fluency is not assessed.
			Readiness: []MatrixReadiness{{ID: "a", Name: "Name a", Person: PersonRef{ID: "a", Name: "Name a"}, Role: RoleRef{ID: "senior-pm", Name: "Senior Product Manager"},
				Before: 24, BeforeTotal: 24, After: 22, AfterTotal: 24}},
		}
		if diff := cmp.Diff(want, r.Matrix); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})

	t.Run("the same matrix", func(t *testing.T) {
		bs, hs := sides(base)
		if r := BuildReview(ReviewInput{Matrix: matrix(t), BaseMatrix: base, Config: skills.DefaultConfig(), Base: bs, Head: hs}); r.Matrix != nil {
			t.Errorf("an unchanged matrix reviewed: %+v", r.Matrix)
		}
	})

	t.Run("wording only", func(t *testing.T) {
		head := matrix(t)
		head.Skill("coaching").Questions[0].Text = "What did you ask before you advised?"
		bs, hs := sides(head)
		r := BuildReview(ReviewInput{Matrix: head, BaseMatrix: base, Config: skills.DefaultConfig(), Base: bs, Head: hs})
		want := &MatrixReview{Expectations: []ExpectChange{}, SkillsAdded: []SkillRef{}, SkillsRemoved: []SkillRef{},
			RolesAdded: []RoleRef{}, RolesRemoved: []RoleRef{}, Readiness: []MatrixReadiness{}}
		if diff := cmp.Diff(want, r.Matrix); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

// Trial finding 7: coach diff listed level changes in skill-id order
// ("career-development" before "communication" before "team-design") while
// it shows names; they follow the matrix's order, as plans do.
func TestReviewLevelsInMatrixOrder(t *testing.T) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	ids := m.SkillIDs()
	old := &skills.Person{ID: "a", Levels: map[string]int{}}
	cur := &skills.Person{ID: "a", Levels: map[string]int{}}
	for _, id := range ids {
		old.Levels[id], cur.Levels[id] = 2, 3
	}
	pr := &PersonReview{}
	review(m, pr, old, cur, time.Time{})
	var got []string
	for _, l := range pr.Levels {
		got = append(got, l.ID)
	}
	if !slices.Equal(got, ids) {
		t.Errorf("levels in the order\n%v\nwant the matrix's\n%v", got, ids)
	}
	if slices.IsSorted(ids) {
		t.Fatal("the matrix's skills are in id order: the test cannot tell the orders apart")
	}
}
