import { id } from "ethers";

/** The 4-byte selector of a function signature, e.g. `selector("mint(address,uint256)")`. */
export function selector(signature: string): string {
  return id(signature).slice(0, 10);
}
