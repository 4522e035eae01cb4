package skills

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestAspirationProblems(t *testing.T) {
	m := defaultMatrix(t)
	head := "name = \"Alice\"\nrole = \"senior-pm\"\nassessed = 2026-11-10\n" + allLevels(t)
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "valid",
			src:  "[aspiration]\ntrack = \"manager\"\nrole = \"gpm\"\nby = 2027-09-30\ngrow = [\"coaching\"]\nteach = [\"negotiation\"]\n",
		},
		{
			name: "a leader who would rather not lead may aim across the ladder",
			src:  "[aspiration]\ntrack = \"ic\"\nrole = \"principal-pm\"\n",
		},
		{
			name: "unknown track, with the word meant",
			src:  "[aspiration]\ntrack = \"individual contributor\"\n",
			want: []string{`skills/alice.toml:30:9: unknown track "individual contributor": a track is "manager" or "ic"; write track = "ic"`},
		},
		{
			name: "unknown track",
			src:  "[aspiration]\ntrack = \"founder\"\n",
			want: []string{`skills/alice.toml:30:9: unknown track "founder": a track is "manager" or "ic"; write track = "manager" to lead people, or track = "ic" to grow as an individual contributor`},
		},
		{
			name: "a role off the track",
			src:  "[aspiration]\ntrack = \"ic\"\nrole = \"gpm\"\n",
			want: []string{`skills/alice.toml:31:8: role "gpm" leads people, but the track is "ic"; choose a role on the individual-contributor track (apm, pm, senior-pm, principal-pm, distinguished-pm), or change the track`},
		},
		{
			name: "unknown role and a role below the current one",
			src:  "[aspiration]\nrole = \"gmp\"\n",
			want: []string{`skills/alice.toml:30:8: unknown role "gmp"; did you mean "gpm"?`},
		},
		{
			name: "a role below the current one on the same track",
			src:  "[aspiration]\nrole = \"pm\"\n",
			want: []string{`skills/alice.toml:30:8: role "pm" is below the current role "senior-pm"; aim for a role at or above senior-pm on the same track, or for a role on the other track`},
		},
		{
			name: "a date that dates nothing, and one in quotes",
			src:  "[aspiration]\nby = 2027-06-30\ngrow = [\"coaching\"]\n",
			want: []string{`skills/alice.toml:30:1: by dates no role: the aspiration names no role or track; add role = "the role you aim for" (or a track), or remove by`},
		},
		{
			name: "a date in quotes",
			src:  "[aspiration]\nrole = \"gpm\"\nby = \"2027-06-30\"\n",
			want: []string{`skills/alice.toml:31:6: by must be a date, not a string; remove the quotes: by = 2027-06-30`},
		},
		{
			name: "a date before the assessment",
			src:  "[aspiration]\nrole = \"gpm\"\nby = 2026-01-31\n",
			want: []string{`skills/alice.toml:31:6: warning: the aspiration's date 2026-01-31 is before this assessment (assessed = 2026-11-10); set by to the date you aim for now, or remove it`},
		},
		{
			name: "unknown, repeated and contradictory skills",
			src:  "[aspiration]\ngrow = [\"coachng\", \"hiring\", \"hiring\"]\nteach = [\"hiring\"]\n",
			want: []string{
				`skills/alice.toml:30:9: unknown skill "coachng"; did you mean "coaching"?`,
				`skills/alice.toml:30:30: skill "hiring" is listed twice in grow; keep one of them`,
				`skills/alice.toml:31:10: skill "hiring" is both to grow and to teach; keep it in grow while you learn it, and move it to teach once you could mentor it`,
			},
		},
		{
			name: "unknown key",
			src:  "[aspiration]\nwants = \"gpm\"\n",
			want: []string{`skills/alice.toml:30:1: unknown key "wants" in [aspiration]; valid keys: by, grow, role, teach, track`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := DecodePerson("skills/alice.toml", []byte(head+tt.src), m)
			if diff := cmp.Diff(tt.want, problemStrings(problems)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAspirationTarget(t *testing.T) {
	m := defaultMatrix(t)
	tests := []struct {
		name   string
		role   string
		target string
		a      *Aspiration
		want   string
	}{
		{name: "no aspiration: the role's next", role: "senior-pm", want: "gpm"},
		{name: "a role", role: "senior-pm", a: &Aspiration{Role: "director"}, want: "director"},
		{name: "the manager track from senior-pm: its next", role: "senior-pm", a: &Aspiration{Track: TrackManager}, want: "gpm"},
		{name: "the ic track from senior-pm: up the ladder", role: "senior-pm", a: &Aspiration{Track: TrackIC}, want: "principal-pm"},
		{name: "the ic track from gpm: across", role: "gpm", a: &Aspiration{Track: TrackIC}, want: "principal-pm"},
		{name: "the manager track from principal-pm", role: "principal-pm", a: &Aspiration{Track: TrackManager}, want: "gpm"},
		{name: "a written target wins", role: "senior-pm", target: "director", a: &Aspiration{Track: TrackIC}, want: "director"},
		{name: "only skills: the role's next", role: "pm", a: &Aspiration{Grow: []string{"coaching"}}, want: "senior-pm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Person{Role: tt.role, Target: tt.target, Aspiration: tt.a}
			if got := p.TargetRole(m); got != tt.want {
				t.Errorf("TargetRole = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAspirationDecoded(t *testing.T) {
	m := defaultMatrix(t)
	src := "name = \"Alice\"\nrole = \"gpm\"\n" + allLevels(t) + "[aspiration]\ntrack = \"ic\"\nby = 2027-12-31\ngrow = [\"product-strategy\"]\nteach = [\"hiring\", \"coaching\"]\n"
	want := &Aspiration{Track: TrackIC, By: time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC),
		Grow: []string{"product-strategy"}, Teach: []string{"hiring", "coaching"}}
	p, problems := DecodePerson("skills/alice.toml", []byte(src), m)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if diff := cmp.Diff(want, p.Aspiration); diff != "" {
		t.Errorf("strict (-want +got):\n%s", diff)
	}
	lenient, err := ParsePerson("skills/alice.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, lenient.Aspiration); diff != "" {
		t.Errorf("lenient (-want +got):\n%s", diff)
	}
}
