"""A pass/fail count shared by the check scripts in this folder."""


class Tally:
    """Counts checks; prints each failure as it happens."""

    def __init__(self, name):
        self.name = name
        self.passed = self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAILED", what)

    def report(self):
        """Print 'NAME: N passed, M failed'; the exit status to return."""
        print(f"{self.name}: {self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0
