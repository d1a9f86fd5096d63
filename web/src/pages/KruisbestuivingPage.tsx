import { PartPlaceholder } from '../components/PartPlaceholder.tsx';

export function Component() {
  return <PartPlaceholder part="kruisbestuiving" />;
}
