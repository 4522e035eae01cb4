// Command coach turns a git repository of skill files into coaching work for
// product leaders: development plans, weekly 1:1 agendas and a progress
// history. See README.md.
package main

import "os"

func main() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) }
