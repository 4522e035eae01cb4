package history

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/coach-dev/coach/history/synth"
)

var (
	benchPeople  = flag.Int("bench.people", 500, "people in the benchmark repository")
	benchCommits = flag.Int("bench.commits", 20000, "commits in the benchmark repository")
	benchDir     = flag.String("bench.dir", "", "a repository already built (such as scripts/bench-history.sh's) to read instead")
)

// benchRepo builds the synthetic repository once per size and keeps it in
// the temporary directory, since building 20,000 commits takes seconds.
func benchRepo(b *testing.B) string {
	b.Helper()
	if *benchDir != "" {
		return *benchDir
	}
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("coach-bench-%dp-%dc", *benchPeople, *benchCommits))
	done := filepath.Join(dir, ".git", "synth-complete")
	if _, err := os.Stat(done); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	if err := synth.Build(dir, synth.Options{People: *benchPeople, Commits: *benchCommits,
		MergeEvery: 50, RenameEvery: 333, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkRead measures the whole walk: every person, every commit.
func BenchmarkRead(b *testing.B) {
	dir := benchRepo(b)
	for _, bc := range []struct {
		name string
		opts Options
	}{
		{"cold", Options{NoCache: true}},
		{"cold-1worker", Options{NoCache: true, Workers: 1}},
		{"warm", Options{}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			if _, err := Read(dir, bc.opts); err != nil { // fills the cache for "warm"
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				if _, err := Read(dir, bc.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadOnePerson is what `coach history alice` costs: the same walk,
// then a filter, since one walk serves everyone.
func BenchmarkReadOnePerson(b *testing.B) {
	dir := benchRepo(b)
	for b.Loop() {
		res, err := Read(dir, Options{NoCache: true})
		if err != nil {
			b.Fatal(err)
		}
		if len(ForPerson(res.Changes, "p0003")) == 0 {
			b.Fatal("p0003 has no history")
		}
	}
}

// BenchmarkWarmByPerson is what `coach plan --all` reads of the history:
// everyone's changes from the cache, grouped by person.
func BenchmarkWarmByPerson(b *testing.B) {
	dir := benchRepo(b)
	if _, err := Read(dir, Options{}); err != nil { // fills the cache
		b.Fatal(err)
	}
	for b.Loop() {
		res, err := Read(dir, Options{Stream: true})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.ByPerson()) == 0 {
			b.Fatal("no history")
		}
	}
}

// BenchmarkWarmOnePerson is what `coach history p0003` reads, warm.
func BenchmarkWarmOnePerson(b *testing.B) {
	dir := benchRepo(b)
	if _, err := Read(dir, Options{}); err != nil { // fills the cache
		b.Fatal(err)
	}
	for b.Loop() {
		res, err := Read(dir, Options{Person: "p0003"})
		if err != nil {
			b.Fatal(err)
		}
		if len(ForPerson(res.Changes, "p0003")) == 0 {
			b.Fatal("p0003 has no history")
		}
	}
}
