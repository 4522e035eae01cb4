package plans

import (
	"strings"
	"testing"
)

func TestWriteCSV(t *testing.T) {
	team := []*Plan{{
		Person:  Who{ID: "ana", Name: "=HYPERLINK(\"x\")", Manager: "sam"},
		Role:    RoleRef{ID: "pm"},
		Target:  RoleRef{ID: "senior-pm"},
		Verdict: Verdict{Text: "ready in 3-6 months"},
		Skills: []SkillRow{
			{SkillRef: SkillRef{ID: "discovery", Name: "Discovery, continuous"}, Pillar: "Domain expertise", Level: 2, ExpectRole: 3},
			{SkillRef: SkillRef{ID: "delivery", Name: "Delivery"}, Pillar: "Technical and UX", ExpectRole: 2},
		},
	}}
	var b strings.Builder
	if err := WriteCSV(&b, team); err != nil {
		t.Fatal(err)
	}
	want := `person,name,role,manager,skill,skill_name,pillar,level,expected,gap,target,verdict
ana,"'=HYPERLINK(""x"")",pm,sam,discovery,"Discovery, continuous",Domain expertise,2,3,-1,senior-pm,ready in 3-6 months
ana,"'=HYPERLINK(""x"")",pm,sam,delivery,Delivery,Technical and UX,,2,,senior-pm,ready in 3-6 months
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestLowerFirstKeepsAcronyms: an imported matrix's actions start
// "TODO(coach import): ...", and a plan's milestones read "tODO(coach
// import)": the first word's letters were compared with the punctuation
// after them.
func TestLowerFirstKeepsAcronyms(t *testing.T) {
	for in, want := range map[string]string{
		"TODO(coach import): write it": "TODO(coach import): write it",
		"OKR review":                   "OKR review",
		"Run a pricing test":           "run a pricing test",
		"A":                            "a",
		"":                             "",
	} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}
