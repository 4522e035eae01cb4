package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParallelSameBytes checks that plans and the team view built on many
// goroutines are the same bytes, on stdout and stderr, as built on one, for
// a team of dozens with managers, and for the example team with its git
// history. With -race it also checks what the plans share.
func TestParallelSameBytes(t *testing.T) {
	team := teamRepo(t, 48)
	for i := 6; i < 48; i++ {
		f := filepath.Join(team, "skills", fmt.Sprintf("p%04d.toml", i))
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src = append(fmt.Appendf(nil, "manager = \"p%04d\"\n", i/6), src...)
		if err := os.WriteFile(f, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	example := teamDir(t)
	type run func(workers int, stdout, stderr *bytes.Buffer) error
	var tests []struct {
		name string
		run  run
	}
	for _, dir := range []string{team, example} {
		name := map[string]string{team: "48 people", example: "example"}[dir]
		for _, format := range []string{"md", "json"} {
			tests = append(tests, struct {
				name string
				run  run
			}{
				fmt.Sprintf("plan --all --format %s, %s", format, name),
				func(workers int, stdout, stderr *bytes.Buffer) error {
					return runPlan(t.Context(), planOptions{Dir: dir, All: true, Stdout: true, Format: format, Workers: workers}, stdout, newReport(stderr))
				},
			}, struct {
				name string
				run  run
			}{
				fmt.Sprintf("team --format %s, %s", format, name),
				func(workers int, stdout, stderr *bytes.Buffer) error {
					return runTeam(t.Context(), teamOptions{Dir: dir, Stdout: true, Format: format, Workers: workers}, stdout, newReport(stderr))
				},
			})
		}
	}
	// A template that fails for one person in the middle: the plans
	// before are written, then the error is reported, as one at a time.
	failing := teamRepo(t, 40)
	if err := os.MkdirAll(filepath.Join(failing, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	tmpl := `{{define "plan.md.tmpl"}}{{.Person.Name}}{{if eq .Person.ID "p0017" "p0031"}}{{.Nope}}{{end}}{{end}}`
	if err := os.WriteFile(filepath.Join(failing, "templates", "plan.md.tmpl"), []byte(tmpl), 0o644); err != nil {
		t.Fatal(err)
	}
	tests = append(tests, struct {
		name string
		run  run
	}{
		"plan --all failing at p0017",
		func(workers int, stdout, stderr *bytes.Buffer) error {
			os.RemoveAll(filepath.Join(failing, "plans"))
			err := runPlan(t.Context(), planOptions{Dir: failing, All: true, Format: "md", Workers: workers}, stdout, newReport(stderr))
			if err == nil {
				return errors.New("no error")
			}
			written, _ := filepath.Glob(filepath.Join(failing, "plans", "*.md"))
			fmt.Fprintf(stdout, "%v\n%d plans written\n", err, len(written))
			return nil
		},
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var wantOut, wantErr bytes.Buffer
			if err := tt.run(1, &wantOut, &wantErr); err != nil {
				t.Fatal(err)
			}
			var gotOut, gotErr bytes.Buffer
			if err := tt.run(8, &gotOut, &gotErr); err != nil {
				t.Fatal(err)
			}
			if wantOut.Len() == 0 {
				t.Fatal("no output")
			}
			if !bytes.Equal(wantOut.Bytes(), gotOut.Bytes()) {
				t.Errorf("stdout differs (-one +eight):\n%s", cmp.Diff(wantOut.String(), gotOut.String()))
			}
			if diff := cmp.Diff(wantErr.String(), gotErr.String()); diff != "" {
				t.Errorf("stderr differs (-one +eight):\n%s", diff)
			}
		})
	}
}
