"""Language helpers the stages share: time expressions, quantities, names."""
