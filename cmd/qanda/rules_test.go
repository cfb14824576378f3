package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDisableRuleChangesTheOutput(t *testing.T) {
	code, on, _ := runCLI(t, "", "extract", "--format", "json", sample)
	if code != exitOK || !strings.Contains(on, `"rule": "repeated-run"`) {
		t.Fatalf("exit %d; want the echoed question removed by repeated-run:\n%s", code, on)
	}
	code, off, errs := runCLI(t, "", "extract", "--format", "json", "--disable-rule", "repeated-run,boilerplate", sample)
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if strings.Contains(off, `"rule": "repeated-run"`) || strings.Contains(off, `"rule": "boilerplate"`) {
		t.Errorf("a disabled rule still removed blocks:\n%s", off)
	}
}

func TestDisableRuleRefusesUnknownNames(t *testing.T) {
	code, out, errs := runCLI(t, "", "extract", "--disable-rule", "no-such-rule", sample)
	if code != exitUsage || out != "" || !strings.Contains(errs, `unknown rule "no-such-rule"`) || strings.Count(errs, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and one line naming the rule", code, out, errs, exitUsage)
	}
}

func TestRulesListsRulesAndFormats(t *testing.T) {
	code, out, errs := runCLI(t, "", "rules", "--format", "json", sample)
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var rules []ruleInfo
	if err := json.Unmarshal([]byte(out), &rules); err != nil {
		t.Fatal(err)
	}
	kinds, fired := map[string]int{}, map[string]bool{}
	for _, r := range rules {
		kinds[r.Kind]++
		if len(r.Pages) > 0 {
			fired[r.Name] = true
		}
	}
	if kinds["rule"] == 0 || kinds["step"] == 0 || kinds["format"] == 0 {
		t.Errorf("kinds %v: want rules, steps and formats", kinds)
	}
	for _, name := range []string{"repeated-run", "boilerplate", "question-list"} {
		if !fired[name] {
			t.Errorf("%s did not fire on the founding page; fired: %v", name, fired)
		}
	}
	code, text, _ := runCLI(t, "", "rules")
	if code != exitOK || !strings.Contains(text, "  repeated-run") || !strings.Contains(text, "labels") {
		t.Errorf("exit %d; text listing lacks steps or formats:\n%s", code, text)
	}
}
