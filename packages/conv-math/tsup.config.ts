import { dlkitBuild } from '../../tsup.base';

export default dlkitBuild();
