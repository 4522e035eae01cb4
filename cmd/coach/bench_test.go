package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// teamRepo writes a coaching repository of n people with varied levels,
// goals and evidence (no git: plans then have no progress section to read).
func teamRepo(b testing.TB, n int) string {
	b.Helper()
	dir := b.TempDir()
	m, err := skills.DefaultMatrix()
	if err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "skills"), 0o755); err != nil {
		b.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "coach.toml"), nil, 0o644)
	roles := m.RoleIDs()
	for i := range n {
		var s strings.Builder
		fmt.Fprintf(&s, "name = \"Person %04d\"\nrole = %q\nfocus = [%q]\n\n[levels]\n", i, roles[i%5], m.Skills[i%len(m.Skills)].ID)
		for j, sk := range m.Skills {
			fmt.Fprintf(&s, "%s = %d\n", sk.ID, 1+(i+j)%5)
		}
		fmt.Fprintf(&s, "\n[self]\n%s = %d\n", m.Skills[(i+3)%len(m.Skills)].ID, 1+i%5)
		fmt.Fprintf(&s, "\n[[goal]]\ntext = \"Goal %d\"\nskills = [%q]\ndue = 2027-01-31\n", i, m.Skills[(i+1)%len(m.Skills)].ID)
		fmt.Fprintf(&s, "\n[[evidence]]\ndate = 2026-11-01\nskill = %q\ntext = \"Evidence %d\"\n", m.Skills[i%len(m.Skills)].ID, i)
		if err := os.WriteFile(filepath.Join(dir, "skills", fmt.Sprintf("p%04d.toml", i)), []byte(s.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkPlanAll is `coach plan --all --stdout` on a team of 1,000:
// loading and validating every file, then building and rendering every plan.
func BenchmarkPlanAll(b *testing.B) { benchPlanAll(b, 1000) }

// BenchmarkPlanAll2000 is BenchmarkPlanAll on a team of 2,000: twice the
// team should take twice the time, not four times.
func BenchmarkPlanAll2000(b *testing.B) { benchPlanAll(b, 2000) }

func benchPlanAll(b *testing.B, n int) {
	dir := teamRepo(b, n)
	for b.Loop() {
		if err := runPlan(b.Context(), planOptions{Dir: dir, All: true, Stdout: true, Format: "md"}, io.Discard, newReport(io.Discard)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTeam is `coach team --stdout` on an organisation of 2,000:
// loading every file, building every plan, matching mentors and rendering
// team.md. Managers are every tenth person, so the tree is a few levels deep.
func BenchmarkTeam(b *testing.B) {
	dir := teamRepo(b, 2000)
	for i := 10; i < 2000; i++ {
		f := filepath.Join(dir, "skills", fmt.Sprintf("p%04d.toml", i))
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		src = append([]byte(fmt.Sprintf("manager = \"p%04d\"\nreports = %d\n", i/10, i%12)), src...)
		if err := os.WriteFile(f, src, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if err := runTeam(context.Background(), teamOptions{Dir: dir, Stdout: true, Format: "md"}, io.Discard, newReport(io.Discard)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlanAllHistory is `coach plan --all --stdout` warm on a repository
// with a long history, such as the one scripts/bench-history.sh generates
// (2,000 people, 100,000 commits):
//
//	COACH_BENCH_REPO=DIR go test ./cmd/coach -run '^$' -bench PlanAllHistory
func BenchmarkPlanAllHistory(b *testing.B) {
	dir := os.Getenv("COACH_BENCH_REPO")
	if dir == "" {
		b.Skip("set COACH_BENCH_REPO to a generated repository")
	}
	for b.Loop() {
		if err := runPlan(b.Context(), planOptions{Dir: dir, All: true, Stdout: true, Format: "md"}, io.Discard, newReport(io.Discard)); err != nil {
			b.Fatal(err)
		}
	}
}
