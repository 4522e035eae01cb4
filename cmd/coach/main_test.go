package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"coach": func() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each builds a
// real repository (with real git commits at fixed dates), runs the coach
// binary and compares its output exactly.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			testdata, err := filepath.Abs("testdata")
			if err != nil {
				return err
			}
			for k, v := range map[string]string{
				// TESTDATA holds the teams a script can build, such as
				// team2/build.sh.
				"TESTDATA":            testdata,
				"HOME":                env.WorkDir,
				"GIT_CONFIG_NOSYSTEM": "1",
				"GIT_AUTHOR_NAME":     "Maya Okafor",
				"GIT_AUTHOR_EMAIL":    "maya.okafor@example.com",
				"GIT_COMMITTER_NAME":  "Maya Okafor",
				"GIT_COMMITTER_EMAIL": "maya.okafor@example.com",
				"GIT_AUTHOR_DATE":     "2026-11-02T10:00:00Z",
				"GIT_COMMITTER_DATE":  "2026-11-02T10:00:00Z",
				"TZ":                  "UTC",
			} {
				env.Setenv(k, v)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// agendaprose FILE... fails on what no agenda's prose may hold
			// (see agendaProse).
			"agendaprose": agendaproseCmd,
			// jsonlen KEY.KEY N requires the list at that path of the JSON on
			// stdout to hold N items.
			"jsonlen": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: jsonlen KEY.KEY N")
				}
				var v any
				ts.Check(json.Unmarshal([]byte(ts.ReadFile("stdout")), &v))
				for _, k := range strings.Split(args[0], ".") {
					m, ok := v.(map[string]any)
					if !ok {
						ts.Fatalf("jsonlen: %s is not an object", k)
					}
					v = m[k]
				}
				list, ok := v.([]any)
				if !ok {
					ts.Fatalf("jsonlen: %s is not a list", args[0])
				}
				if fmt.Sprint(len(list)) != args[1] {
					ts.Fatalf("jsonlen: %s has %d items, want %s", args[0], len(list), args[1])
				}
			},
			// exitcode N command args... runs the command and requires exit status N.
			"exitcode": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exitcode N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exitcode: %v", err)
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("exitcode: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("%s exited %d, want %d", args[1], got, want)
				}
			},
		},
	})
}
