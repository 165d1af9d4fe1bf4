// GoTemplate module
